// The bad-input corpus: every hostile or broken input in these folders must get the exact
// message the real tool prints (or, for share links, the playground's own), through the same
// public paths a learner uses, quickly, and never a stack trace or an internal error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/commands/script/run-script.ts';
import { decodeShareFragment, toBase64Url } from '../../src/store/share-link.ts';
import { parseSession } from '../../src/store/session.ts';
import { directives, loadCases, ROOT, type Case, type GenSpec } from './cases.ts';

/**
 * Each case must answer within this, whatever it holds: a guard against hangs, not a speed goal
 * (speed is measured by `npm run bench`), so it is generous enough for a busy CI machine.
 */
const BUDGET_MS = 10_000;

function filesOf(c: Case, folder: string) {
  return {
    read(path: string): string | undefined {
      const p = path.replace(/^\.\//, '');
      if (p === c.fileName) return c.input;
      try {
        return readFileSync(join(ROOT, folder, p), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** yaml/ and manifests/: `kubectl apply -f FILE` (or the `# kubesim:` verb) after any `# setup:` lines. */
function runManifest(c: Case): { stdout: string; stderr: string } {
  const d = directives(c.input);
  const files = filesOf(c, c.folder);
  const preset = d.cluster ?? 'kind';
  let state;
  if (d.setup.length > 0) {
    const setup = runScript(d.setup.join('\n') + '\n', { preset, quiet: true, files });
    expect(setup.stderr, 'the setup lines must succeed').toBe('');
    state = setup.state;
  }
  const verb = d.kubectl ?? 'apply -f';
  const line = `kubectl ${verb.includes('{}') ? verb.replace('{}', c.fileName) : `${verb} ${c.fileName}`}\n`;
  const r = runScript(line, { ...(state ? { state } : { preset }), quiet: true, files });
  return { stdout: r.stdout, stderr: r.stderr };
}

/** commands/: the script as `kubesim run --quiet` runs it, on the `# cluster:` preset. */
function runCommands(c: Case): { stdout: string; stderr: string } {
  const d = directives(c.input);
  const r = runScript(c.input, { preset: d.cluster ?? 'kind', quiet: true, files: filesOf(c, 'commands') });
  return { stdout: r.stdout, stderr: r.stderr };
}

/** links/: a `.link` is the location hash itself; a `.gen.json` is deflated here; a `.session.json` goes to parseSession. */
async function runLink(c: Case): Promise<string> {
  if (c.fileName.endsWith('.session.json')) {
    const r = parseSession(JSON.parse(c.input));
    return r.ok ? '(a valid session)' : r.error;
  }
  let hash = c.input.replace(/\n$/, '');
  if (c.generated) {
    const spec = JSON.parse(c.input) as GenSpec;
    const text = spec.parts.join('');
    const data = spec.deflate ? toBase64Url(await deflate(text)) : text;
    hash = (spec.prefix ?? '#s=v1.') + (spec.truncate !== undefined ? data.slice(0, spec.truncate) : data);
  }
  const r = await decodeShareFragment(hash);
  return r.status === 'error' ? r.error : `(status ${r.status})`;
}

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** What no input may ever produce. */
function expectClean(text: string) {
  expect(text).not.toContain('internal error');
  expect(text).not.toMatch(/\n\s{4}at /);
}

for (const folder of ['yaml', 'manifests', 'commands'] as const) {
  describe(`bad inputs: ${folder}/`, () => {
    it.each(loadCases(folder).map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const started = performance.now();
      const out = folder === 'commands' ? runCommands(c) : runManifest(c);
      const took = performance.now() - started;
      expectClean(out.stderr);
      expectClean(out.stdout);
      expect(out.stderr).toBe(c.expected);
      if (c.stdout !== undefined) expect(out.stdout).toBe(c.stdout);
      expect(took).toBeLessThan(BUDGET_MS);
    });
  });
}

describe('bad inputs: links/', () => {
  it.each(loadCases('links').map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const started = performance.now();
    const error = await runLink(c);
    const took = performance.now() - started;
    expectClean(error);
    expect(error + '\n').toBe(c.expected);
    expect(took).toBeLessThan(BUDGET_MS);
  });
});

describe('the corpus', () => {
  it('holds at least 80 cases, most of them manifests and commands', () => {
    const count = (f: 'yaml' | 'manifests' | 'commands' | 'links') => loadCases(f).length;
    const [y, m, c, l] = [count('yaml'), count('manifests'), count('commands'), count('links')];
    expect(y + m + c + l).toBeGreaterThanOrEqual(80);
    expect(Math.min(m, c)).toBeGreaterThanOrEqual(Math.max(y, l));
  });
});

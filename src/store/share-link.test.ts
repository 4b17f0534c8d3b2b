import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../engine/index.ts';
import { SESSION_LIMITS, type SessionV1 } from './session.ts';
import { COMFORTABLE_LINK_CHARS, decodeShareFragment, encodeSession, MAX_DECODED_BYTES, sharePayload, toBase64Url } from './share-link.ts';
import { STARTER_MANIFEST } from './starter.ts';
import type { RecordedAction, UserAction } from './timeline.ts';

/** A fragment whose payload is `bytes` deflated, as a hostile or buggy link could carry anything. */
async function fragmentOf(bytes: Uint8Array | string): Promise<string> {
  const input = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const deflated = new Uint8Array(await new Response(new Blob([input as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  return `#s=v1.${toBase64Url(deflated)}`;
}

const session = (over: Partial<SessionV1> = {}): SessionV1 => ({
  v: 1,
  preset: 'bare',
  seed: 1,
  editorText: STARTER_MANIFEST,
  actions: [{ action: { type: 'apply', text: STARTER_MANIFEST } }],
  cursor: 7,
  view: 'cluster',
  ...over,
});

async function decodeError(hash: string): Promise<string> {
  const r = await decodeShareFragment(hash);
  if (r.status !== 'error') throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r.error;
}

describe('encodeSession / decodeShareFragment', () => {
  it('round-trips the starter scenario in a link short enough for chat and QR codes', async () => {
    const s = session();
    const fragment = await encodeSession(s);
    expect(fragment).toMatch(/^#s=v1\.[A-Za-z0-9_-]+$/);
    // The length a learner sees for "apply the starter, Share" (the link adds origin and path).
    console.log(`starter scenario share fragment: ${fragment.length} characters`);
    expect(fragment.length).toBeLessThan(COMFORTABLE_LINK_CHARS);
    expect(await decodeShareFragment(fragment)).toStrictEqual({ status: 'ok', session: s });
  });

  it('round-trips any session exactly (unicode text, forks, commands)', async () => {
    // Plain objects, as JSON.parse makes them (toStrictEqual compares prototypes).
    const plain = { noNullPrototype: true } as const;
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.constant(STARTER_MANIFEST));
    const userAction: fc.Arbitrary<UserAction> = fc.oneof(
      fc.record({ type: fc.constant('command' as const), line: text }, plain),
      fc.record({ type: fc.constantFrom('apply' as const, 'delete' as const), text }, plain),
      fc.record({ type: fc.constantFrom('apply' as const, 'delete' as const), text, only: fc.array(fc.nat(20), { minLength: 1, maxLength: 4 }) }, plain),
    );
    const recorded: fc.Arbitrary<RecordedAction> = fc.oneof(fc.record({ action: userAction }, plain), fc.record({ action: userAction, at: fc.nat(5000) }, plain));
    const sessions: fc.Arbitrary<SessionV1> = fc.record({
      v: fc.constant(1 as const),
      preset: fc.constantFrom(...PRESETS),
      seed: fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      editorText: text,
      actions: fc.array(recorded, { maxLength: 12 }),
      cursor: fc.nat(10_000),
      view: fc.constantFrom('cluster' as const, 'docker' as const),
      selected: fc.record({ kind: fc.constantFrom('PersistentVolumeClaim' as const, 'PersistentVolume' as const, 'Pod' as const), name: fc.string({ minLength: 1, maxLength: 30 }), namespace: fc.string({ maxLength: 20 }) }, { ...plain, requiredKeys: ['kind', 'name'] }),
      ui: fc.record({ dock: fc.string({ maxLength: 40 }), inspector: fc.string({ maxLength: 40 }), presentation: fc.boolean() }, { ...plain, requiredKeys: [] }),
    }, { ...plain, requiredKeys: ['v', 'preset', 'seed', 'editorText', 'actions', 'cursor', 'view'] });
    await fc.assert(
      fc.asyncProperty(sessions, async (s) => {
        expect(await decodeShareFragment(await encodeSession(s))).toStrictEqual({ status: 'ok', session: s });
      }),
      { numRuns: 150 },
    );
  }, 30_000); // a few seconds of compression; generous so a busy machine does not time it out

  it('refuses to encode a session too large to be reopened', async () => {
    const big = session({ editorText: 'x'.repeat(SESSION_LIMITS.textChars), actions: Array.from({ length: 3 }, () => ({ action: { type: 'apply', text: 'y'.repeat(SESSION_LIMITS.textChars) } })) });
    await expect(encodeSession(big)).rejects.toThrow(/^This session is too large to share \(\d+ KB; a link holds at most 512 KB\)$/);
  });
});

describe('fragments that are not share links', () => {
  it.each(['', '#', '#top', '#/lessons/1', '#x=1&y=2', 'section-s=v1.abc'])('%j is a normal visit', async (hash) => {
    expect(await decodeShareFragment(hash)).toEqual({ status: 'none' });
  });

  it('finds the link among other fragment parameters', async () => {
    expect(sharePayload('#a=1&s=v1.abc')).toBe('v1.abc');
    const fragment = await encodeSession(session());
    expect((await decodeShareFragment(`#view=x&${fragment.slice(1)}`)).status).toBe('ok');
  });
});

describe('links that cannot be opened say why', () => {
  it('a link from a newer playground', async () => {
    expect(await decodeError('#s=v2.AAAA')).toBe('This link was made by a newer playground (format v2)');
  });

  it('no format version, or an unknown old one', async () => {
    expect(await decodeError('#s=garbage')).toBe('it does not start with a format version (expected "v1.")');
    expect(await decodeError('#s=')).toBe('it does not start with a format version (expected "v1.")');
    expect(await decodeError('#s=v0.AAAA')).toBe('unknown link format v0');
  });

  it('characters base64url does not use, and impossible lengths', async () => {
    expect(await decodeError('#s=v1.abc$def')).toBe('the link contains "$" at position 4 of its data, which base64url does not use');
    expect(await decodeError('#s=v1.ab+c')).toBe('the link contains "+" at position 3 of its data, which base64url does not use');
    expect(await decodeError('#s=v1.')).toBe('the link holds no data');
    expect(await decodeError('#s=v1.abcde')).toBe("the link's data has an impossible length (was it cut off?)");
  });

  it('corrupt or cut-off compressed data', async () => {
    const damaged = 'the compressed data is damaged (was the link cut off when it was copied?)';
    expect(await decodeError('#s=v1.garbage')).toBe(damaged);
    const fragment = await encodeSession(session());
    const cut = fragment.slice(0, Math.floor(fragment.length / 2) & ~3);
    expect(await decodeError(cut)).toBe(damaged);
  });

  it('stops inflating a zip bomb at the cap', async () => {
    // 16 MB of zeros deflates to ~16 KB; decoding must give up after 512 KB, not inflate it all.
    const bomb = await fragmentOf(new Uint8Array(16 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(30_000);
    expect(await decodeError(bomb)).toBe('the session is larger than 512 KB when decompressed');
    // Just over the cap is refused too; just under is read (and then fails as JSON, which it is not).
    expect(await decodeError(await fragmentOf(new Uint8Array(MAX_DECODED_BYTES + 1)))).toBe('the session is larger than 512 KB when decompressed');
    expect(await decodeError(await fragmentOf(new Uint8Array(MAX_DECODED_BYTES).fill(0x20)))).toMatch(/^the session is not valid JSON/);
  }, 30_000);

  it('text that is not UTF-8 or not JSON', async () => {
    expect(await decodeError(await fragmentOf(new Uint8Array([0x7b, 0xff, 0x7d])))).toBe('the session text is not valid UTF-8');
    expect(await decodeError(await fragmentOf('{"v":1,'))).toMatch(/^the session is not valid JSON \(.+\)$/);
  });

  it('valid JSON with a bad field: the field is named', async () => {
    const s = { ...session(), actions: [{ action: { type: 'apply', text: 'a' } }, { action: { type: 'command', line: 'kubectl get pv' } }, { action: { type: 'frobnicate' } }] };
    expect(await decodeError(await fragmentOf(JSON.stringify(s)))).toBe('actions[2]: unknown action type "frobnicate"');
    expect(await decodeError(await fragmentOf(JSON.stringify({ ...session(), preset: 'gke' })))).toBe('unknown cluster preset "gke"');
    expect(await decodeError(await fragmentOf('[]'))).toBe('the session is not an object');
    expect(await decodeError(await fragmentOf(JSON.stringify({ ...session(), selected: { kind: 'Planet', name: 'x' } })))).toBe('selected: unknown kind "Planet"');
    expect(await decodeError(await fragmentOf(JSON.stringify({ ...session(), selected: { kind: 'Pod', name: '' } })))).toBe('selected: name must be a non-empty string');
    expect(await decodeError(await fragmentOf(JSON.stringify({ ...session(), ui: { presentation: 'yes' } })))).toBe('ui: presentation must be true or false');
    expect(await decodeError(await fragmentOf(JSON.stringify({ ...session(), ui: { dock: 'x'.repeat(41) } })))).toBe('ui: dock must be a short word');
  });
});

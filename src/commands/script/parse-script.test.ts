// A script is cut into the commands a shell would read one at a time: each as many lines as
// it needs, found by asking the parser whether the text so far is complete.
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../engine/shell/parse.ts';
import { parseScript } from './parse-script.ts';

const cut = (text: string) => {
  const r = parseScript(text);
  if (!r.ok) throw new Error(r.error);
  return r.commands.map((c) => ({ line: c.line, echo: c.echo }));
};

describe('parseScript', () => {
  it('one command per complete text: loops, open quotes, continuations and heredocs span lines', () => {
    expect(cut('# intro\n\necho a\nfor i in 1 2; do\n  echo $i\ndone\necho "x\ny"\nkubectl get \\\n  pods\ncat <<-EOF\n\tbody\n\tEOF\n')).toEqual([
      { line: 3, echo: 'echo a' },
      { line: 4, echo: 'for i in 1 2; do\n  echo $i\ndone' },
      { line: 7, echo: 'echo "x\ny"' },
      { line: 9, echo: 'kubectl get \\\n  pods' },
      { line: 11, echo: 'cat <<-EOF\n\tbody\n\tEOF' },
    ]);
  });

  it('keeps the heredoc body apart for what reads it, and the command line without it', () => {
    const r = parseScript('kubectl apply -f - <<EOF\nkind: Pod\nEOF\n');
    expect(r.ok && r.commands[0]).toMatchObject({ text: 'kubectl apply -f -', stdin: 'kind: Pod\n' });
  });

  it('a long heredoc is read in one pass to its delimiter', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `  k${i}: v`).join('\n');
    const started = performance.now();
    const r = parseScript(`kubectl apply -f - <<EOF\n${body}\nEOF\necho done\n`);
    expect(r.ok && r.commands.length).toBe(2);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("gives each command's program as its source parsed, lines numbered in the script", () => {
    const r = parseScript('echo a\n\nfor i in 1 2; do\n  echo $i\ndone\nkubectl get \\\n  pods\ncat <<EOF\nx\nEOF\n');
    if (!r.ok) throw new Error(r.error);
    expect(r.commands.map((c) => c.source)).toEqual(['echo a\n', 'for i in 1 2; do\n  echo $i\ndone\n', 'kubectl get \\\n  pods\n', 'cat <<EOF\nx\nEOF\n']);
    for (const c of r.commands) {
      expect(c.echo + '\n').toBe(c.source);
      const parsed = parseShell(c.source, { bashisms: true, firstLine: c.line });
      expect(parsed.ok && c.program).toEqual(parsed.ok && parsed.program);
    }
    // The loop's body command is on the script's line 4.
    const loop = r.commands[1]!.program.list[0]!.first.commands[0]!;
    expect(loop.k === 'for' && loop.body[0]!.first.commands[0]!.k === 'simple' && loop.body[0]!.first.commands[0]!.line).toBe(4);
  });

  it('refuses what does not parse, naming the line as bash does', () => {
    expect(parseScript('echo a\n)\n')).toEqual({ ok: false, error: "syntax error near unexpected token `)'", line: 2 });
    expect(parseScript('echo "open\n')).toEqual({ ok: false, error: 'unexpected EOF while looking for matching `"\'', line: 1 });
  });
});

// YAML aliases are bounded as kubectl's go-yaml bounds them, before anything is expanded.
import { describe, expect, it } from 'vitest';
import { parseManifestText } from './parse.ts';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n';

/** `levels` lines, each a list of nine aliases of the line before: 9^levels nodes. */
function laughs(levels: number): string {
  const names = 'abcdefghijklmnop';
  let text = `${HEAD}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  for (let i = 1; i < levels; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]\n`;
  return text;
}

describe('alias bounds', () => {
  it('refuses a billion laughs at once, naming where it went too far', () => {
    const text = laughs(9);
    expect(text.length).toBeLessThan(600);
    const t0 = performance.now();
    const [doc] = parseManifestText(text);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(doc!.value).toBeUndefined();
    expect(doc!.syntaxError).toEqual({
      message: 'document contains excessive aliasing',
      position: { line: 8, column: 21 },
      lineless: true,
      detail: 'error converting YAML to JSON: yaml: document contains excessive aliasing',
    });
  });

  it('refuses 9^8 nodes from a 400-byte document', () => {
    expect(parseManifestText(laughs(8))[0]!.syntaxError?.message).toBe('document contains excessive aliasing');
  });

  it('accepts what go-yaml accepts: under 1,000 decoded nodes, aliases may be most of them', () => {
    const [doc] = parseManifestText(laughs(3)); // 9 + 81 + 729 aliased scalars, < 1,000 nodes in all
    expect(doc!.syntaxError).toBeUndefined();
    expect((doc!.value as { c: unknown[][] }).c).toHaveLength(9);
  });

  it('accepts ordinary anchors: shared labels and merged defaults', () => {
    const text = `${HEAD}  labels: &l {app: web, tier: front}\ndata:\n  x: &v hello\n  copy: *v\nextra:\n  - *l\n  - <<: *l\n    more: yes\n`;
    const [doc] = parseManifestText(text);
    expect(doc!.syntaxError).toBeUndefined();
    expect((doc!.value as { data: Record<string, string> }).data).toEqual({ x: 'hello', copy: 'hello' });
  });

  it('a self-referencing anchor is a message, not a stack trace, on the alias line', () => {
    const [map] = parseManifestText(`${HEAD}data: &x\n  a: *x\n`);
    expect(map!.syntaxError).toEqual({
      message: "anchor 'x' value contains itself",
      position: { line: 6, column: 7 },
      lineless: true,
      detail: "error converting YAML to JSON: yaml: anchor 'x' value contains itself",
    });
    const [list] = parseManifestText(`---\n${HEAD}list: &self [1, [2, *self]]\n`);
    expect(list!.syntaxError?.message).toBe("anchor 'self' value contains itself");
    expect(list!.syntaxError?.position.line).toBe(6);
  });

  it('only the document at fault is refused: the others still parse', () => {
    const docs = parseManifestText(`${HEAD}---\n${laughs(9)}---\n${HEAD}`);
    expect(docs.map((d) => !!d.syntaxError)).toEqual([false, true, false]);
  });
});

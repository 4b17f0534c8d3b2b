// go-yaml v2's messages and line numbers for broken YAML, as kubectl prints them after
// `error converting YAML to JSON: `. Cases marked (kubectl) were printed by the real client; the
// others follow go-yaml v2.4's scannerc.go / parserc.go / decode.go.
import { describe, expect, it } from 'vitest';
import { goYamlProblem } from './check.ts';

const cm = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n${data}`;

describe('goYamlProblem', () => {
  it.each([
    // Scanner errors: the 0-based line of the reading position, plus one.
    ['`@` starting a plain scalar (kubectl)', 'metadata:\n  name: @home\n', 'yaml: line 2: found character that cannot start any token'],
    ['a tab as indentation (kubectl)', 'metadata:\n\tname: tabs\n', 'yaml: line 2: found character that cannot start any token'],
    ['a tab before the next key (kubectl)', 'spec:\n  image: nginx\n\tports: []\n', 'yaml: line 3: found a tab character that violates indentation'],
    ['`: ` inside a plain value (kubectl)', 'image: nginx\ncommand: sh -c echo ready: yes\n', 'yaml: line 2: mapping values are not allowed in this context'],
    ['an unclosed double quote runs to the end (kubectl)', 'name: "web\nspec:\n  a: b\n', 'yaml: line 4: found unexpected end of stream'],
    ['an unknown escape (kubectl)', cm('  windows: "C:\\data"\n'), 'yaml: line 6: found unknown escape character'],
    ['YAML 1.2 `\\/` is not an escape in go-yaml v2', 'b: 1\na: "x\\/y"\n', 'yaml: line 2: found unknown escape character'],
    ['a tab in a block scalar indentation', 'a: |\n  x\n\ty\n', 'yaml: line 3: found a tab character where an indentation space is expected'],
    ['a block sequence entry after a quoted value', 'x: 1\na: "b" - c\n', 'yaml: line 2: block sequence entries are not allowed in this context'],
    ['a sequence entry where a key belongs', 'a: b\n- c\n', 'yaml: line 1: did not find expected key'],
    ['an anchor without a name', 'b: 1\na: & x\n', 'yaml: line 2: did not find expected alphabetic or numeric character'],
    ['an unknown directive', '%FOO bar\n', 'yaml: found unknown directive name'],
    // Parser errors: go-yaml prints the 0-based line of the token, one less than the real line.
    ['a key indented less than its siblings (kubectl)', 'metadata:\n  name: pv-1\n spec:\n  a: b\n', 'yaml: line 2: did not find expected key'],
    ['an unclosed single quote (kubectl)', "data:\n  greeting: 'it's here\n", 'yaml: line 1: did not find expected key'],
    ['an unclosed flow sequence (kubectl)', 'spec:\n  accessModes: [ReadWriteOnce\n  resources: {}\n', "yaml: line 2: did not find expected ',' or ']'"],
    ['an unclosed flow mapping (kubectl)', 'kind: ConfigMap\nmetadata: {name: settings\ndata:\n  a: b\n', "yaml: line 2: did not find expected ',' or '}'"],
    ['a list item under a mapping', 'a:\n  - b\n  c: d\n', "yaml: line 2: did not find expected '-' indicator"],
    ['%YAML 2.0 (kubectl)', '%YAML 2.0\n', 'yaml: found incompatible YAML document'],
    ['a directive without its document', '%YAML 1.1\n', 'yaml: line 1: did not find expected <document start>'],
    ['an undefined tag handle', 'a: !e!x b\n', 'yaml: found undefined tag handle'],
    // On the first line go-yaml prints no line at all.
    ['an error on the first line', 'a: b: c\n', 'yaml: mapping values are not allowed in this context'],
    ['a tab at the very start', '\ta: 1\n', 'yaml: found character that cannot start any token'],
    // Decoder errors have no line.
    ['an alias before its anchor (kubectl)', cm('  a: *defaults\n'), "yaml: unknown anchor 'defaults' referenced"],
    ['a control character', 'a: b\u0007\n', 'yaml: control characters are not allowed'],
  ])('%s', (_name, text, message) => {
    expect(goYamlProblem(text)?.message).toBe(message);
  });

  it('limits nesting to 10000 levels, pointing at the bracket that goes too deep (kubectl)', () => {
    const text = `${cm('  a: ')}${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    expect(goYamlProblem(text)).toMatchObject({ message: 'yaml: line 6: exceeded max depth of 10000', offset: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: '.length + 10000 });
  });

  it('limits block nesting the same way', () => {
    const text = Array.from({ length: 10002 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(goYamlProblem(text)?.message).toBe('yaml: line 10001: exceeded max depth of 10000');
  });

  it('counts from the `---` line that opens a document (apimachinery TestDecodeBrokenYAML)', () => {
    expect(goYamlProblem('---\nstuff: 1\n\t\ttest-foo: 1\n\n')?.message).toBe('yaml: line 3: found a tab character that violates indentation');
  });

  it('reads only the first document, as yaml.Unmarshal does', () => {
    expect(goYamlProblem('a: 1\n...\nb: @\n')).toBeUndefined();
  });

  it.each([
    ['block scalars, comments and folded text', 'a: |\n  line1\n   line2\n\n  line3\nb: >-\n  folded\n  text\n# done\n'],
    ['an indentation indicator', 'a: |2\n    x\n  y: 1\n'],
    ['indentless and nested sequences', 'list:\n- a\n- b: 1\n  c: 2\n- - x\n  - y\n'],
    ['complex keys', '? complex\n: value\n'],
    ['tabs between tokens and inside quotes', 'a: b\tc\nd: "x\\ty"\n'],
    ['anchors, aliases and merge keys', 'a: &x {b: 1}\nc: *x\nd:\n  <<: *x\n'],
    ['multi-line plain and quoted scalars', 'text: this is\n  a multi line\n  plain scalar\nk: "multi\n  line"\n'],
    ['flow collections with colons in quotes', 'cmd: ["sh", "-c", "echo hi: there"]\nm: {b: c, d: [e, f]}\n'],
    ['a %YAML 1.1 document', '%YAML 1.1\n---\na: 1\n'],
    ['CRLF line breaks', 'a: 1\r\nb:\r\n  c: 2\r\n'],
    ['an empty document', ''],
  ])('accepts %s', (_name, text) => {
    expect(goYamlProblem(text)).toBeUndefined();
  });
});

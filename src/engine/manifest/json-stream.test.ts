// Input starting with `{`: kubectl 1.34's YAMLOrJSONDecoder reads JSON values first and falls back
// to YAML; Go's encoding/json words the syntax errors. Expectations marked (apimachinery) are the
// decoder's own tests at kubernetes-1.34.9 (pkg/util/yaml/decoder_test.go).
import { describe, expect, it } from 'vitest';
import { scanJsonValue, utf8Bytes } from './go-json.ts';
import { parseManifestText } from './parse.ts';

const read = (text: string) => parseManifestText(text).map((d) => (d.syntaxError ? `error: ${d.syntaxError.detail}` : d.value));

describe('Go encoding/json syntax errors', () => {
  it.each([
    ['{"a": 1,}', "invalid character '}' looking for beginning of object key string", 9],
    ['{"a" 1}', "invalid character '1' after object key", 6],
    ['{"a": 1 "b": 2}', 'invalid character \'"\' after object key:value pair', 9],
    ['[1 2]', "invalid character '2' after array element", 4],
    ['[1,]', "invalid character ']' looking for beginning of value", 4],
    ['{"a": "\\x"}', "invalid character 'x' in string escape code", 9],
    ['{"a": "\\u12g4"}', "invalid character 'g' in \\u hexadecimal character escape", 12],
    ['{"a": "\t"}', "invalid character '\\t' in string literal", 8],
    ['{"a": tru}', "invalid character '}' in literal true (expecting 'e')", 10],
    ['{"a": -x}', "invalid character 'x' in numeric literal", 8],
    ['{"a": 1.}', "invalid character '}' after decimal point in numeric literal", 9],
    ['{"a": 1e}', "invalid character '}' in exponent of numeric literal", 9],
    // Offsets count bytes: `é` is two.
    ['{"é": x}', "invalid character 'x' looking for beginning of value", 8],
  ])('%s', (text, message, offset) => {
    expect(scanJsonValue(utf8Bytes(text), 0)).toEqual({ kind: 'syntax', message, offset });
  });

  it('tells a clean end from one inside a value', () => {
    expect(scanJsonValue(utf8Bytes('{"a": 1}  \n'), 8)).toEqual({ kind: 'eof' });
    expect(scanJsonValue(utf8Bytes('{"a": [1'), 0)).toEqual({ kind: 'unexpected-eof' });
    expect(scanJsonValue(utf8Bytes(' {"a": 1}{"b": 2}'), 0)).toEqual({ kind: 'value', end: 9 });
  });
});

describe('parseManifestText on a JSON stream', () => {
  it('reports the JSON error when the YAML reading fails too (apimachinery TestDecodeBrokenJSON)', () => {
    expect(read('{\n\t"foo": {\n\t\t"stuff": 1\n\t\t"otherStuff": 2\n\t}\n}\n  ')).toEqual([
      `error: json: offset 28: invalid character '"' after object key:value pair`,
    ]);
  });

  it('prints `unexpected EOF` for an unclosed object (kubectl)', () => {
    const [doc] = parseManifestText('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}\n');
    expect(doc!.syntaxError).toMatchObject({ detail: 'unexpected EOF', position: { line: 1, column: 68 } });
  });

  it('reads JSON that is only valid YAML as YAML, as kubectl 1.33+ does', () => {
    expect(read('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"},}')).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }]);
  });

  it('reads a stream of JSON values, and YAML after the first one (apimachinery)', () => {
    expect(read(' {"1":2}{"3":4}')).toEqual([{ 1: 2 }, { 3: 4 }]);
    expect(read('{"foo": "bar"}\n---\n{baz: biz}')).toEqual([{ foo: 'bar' }, { baz: 'biz' }]);
    expect(read('{"foo": "bar"}    \n---\n{baz: biz}')).toEqual([{ foo: 'bar' }, { baz: 'biz' }]);
  });

  it('after two JSON values the stream is JSON: the error has no offset (apimachinery)', () => {
    expect(read('{"foo": "bar"}\n{"baz": "biz"}\n---\n{qux: zrb}')).toEqual([{ foo: 'bar' }, { baz: 'biz' }, "error: invalid character '-' in numeric literal"]);
  });

  it('keeps positions for the editor', () => {
    const [doc] = parseManifestText('{\n  "kind": "Pod",\n  "metadata": {"name": "p"}\n}\n');
    expect(doc!.keyPositions['metadata.name']).toEqual({ line: 3, column: 17 });
    expect([doc!.startLine, doc!.endLine]).toEqual([1, 4]);
  });

  it('keeps duplicate keys as Go does: the last one wins', () => {
    expect(read('{"a": 1, "a": 2}')).toEqual([{ a: 2 }]);
  });
});

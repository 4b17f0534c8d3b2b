// The name hash against kustomize's own test vectors (api/hasher/hasher_test.go) and names real
// `kubectl kustomize` (v5.5.0) printed.
import { describe, expect, it } from 'vitest';
import { encodeHash, nameHash } from './hasher.ts';
import { goJsonMarshal } from './go-json.ts';
import { sha256Hex } from './sha256.ts';

const hex = (s: string) => sha256Hex(new TextEncoder().encode(s));

describe('sha256', () => {
  it('matches the standard digests, across block boundaries', () => {
    expect(hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(hex('a'.repeat(1000))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });
});

describe('go-json', () => {
  it('sorts keys and escapes as encoding/json does', () => {
    expect(goJsonMarshal({ b: 1, a: '<&>\n"\u2028', c: { z: '', y: [true, null] } })).toBe('{"a":"\\u003c\\u0026\\u003e\\n\\"\\u2028","b":1,"c":{"y":[true,null],"z":""}}');
    expect(goJsonMarshal('\u0001\t\b\f')).toBe('"\\u0001\\t\\b\\f"');
  });
});

describe('kustomize name hash (hasher_test.go vectors)', () => {
  it.each([
    ['empty data', { kind: 'ConfigMap' }, '6ct58987ht'],
    ['one key', { kind: 'ConfigMap', data: { one: '' } }, '9g67k2htb6'],
    ['three keys', { kind: 'ConfigMap', data: { two: 2, one: '', three: 3 } }, '7757f9kkct'],
    ['one key with binary data', { kind: 'ConfigMap', binaryData: { one: '' } }, '6mtk2m274t'],
    ['three keys with binary data', { kind: 'ConfigMap', binaryData: { two: 2, one: '', three: 3 } }, '9th7kc28dg'],
    ['two keys with one each', { kind: 'ConfigMap', data: { one: '' }, binaryData: { two: '' } }, '698h7c7t9m'],
    ['secret empty data', { kind: 'Secret', type: 'my-type' }, '5gmgkf8578'],
    ['secret one key', { kind: 'Secret', type: 'my-type', data: { one: '' } }, '74bd68bm66'],
    ['secret three keys', { kind: 'Secret', type: 'my-type', data: { two: 2, one: '', three: 3 } }, '4gf75c7476'],
    ['secret stringData', { kind: 'Secret', type: 'my-type', data: { one: '' }, stringData: { two: 2 } }, 'c4h4264gdb'],
  ])('%s', (_, obj, hash) => {
    expect(nameHash(obj)).toBe(hash);
  });

  it('matches names real kubectl kustomize printed (krusty configmaps_test.go and live runs of v5.5.0)', () => {
    expect(nameHash({ kind: 'ConfigMap', data: { fruit: 'Indian Gooseberry', year: '2020', crisis: 'true' } })).toBe('79t79mt227');
    // bob-4h2mbtbbt6 and, with namePrefix x-, x-bob-4h2mbtbbt6: the name is not hashed.
    expect(nameHash({ kind: 'ConfigMap', data: { a: 'b' } })).toBe('4h2mbtbbt6');
    // `<`, `&` and `"` go through Go's HTML escaping before hashing.
    expect(nameHash({ kind: 'ConfigMap', data: { color: 'blue', greeting: 'hello <world> & "friends"' } })).toBe('t8h2k7tfc9');
    expect(nameHash({ kind: 'Secret', type: 'Opaque', data: { password: 'czNjcjN0' } })).toBe('25k92892fb');
  });

  it('keeps only the first ten hex digits, swapping 0 1 3 a e', () => {
    expect(encodeHash('0123456789abcdef')).toBe('gh2k456789');
    expect(encodeHash('aeaeaeaeae00')).toBe('mtmtmtmtmt');
  });
});

// Protobuf bodies as kubectl's typed clients write them (gogo: every non-pointer field, zero or
// not; pointers only when set), read back into the JSON Go's encoder would write.
import { describe, expect, it } from 'vitest';
import { protobufToJson } from './decode.ts';

/** A tiny protobuf writer for the test: fields are [number, value]; a value is a varint, text, bytes or a nested message. */
type Value = number | bigint | string | Uint8Array | Field[];
type Field = [number, Value];

function varint(n: bigint): number[] {
  const out: number[] = [];
  let v = n < 0n ? n + (1n << 64n) : n;
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}

function encode(fields: Field[]): Uint8Array {
  const out: number[] = [];
  for (const [num, value] of fields) {
    if (typeof value === 'number' || typeof value === 'bigint') out.push(...varint(BigInt(num << 3)), ...varint(BigInt(value)));
    else {
      const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value instanceof Uint8Array ? value : encode(value);
      out.push(...varint(BigInt((num << 3) | 2)), ...varint(BigInt(bytes.length)), ...bytes);
    }
  }
  return new Uint8Array(out);
}

function envelope(apiVersion: string, kind: string, raw: Field[]): Uint8Array {
  const unknown = encode([[1, [[1, apiVersion], [2, kind]]], [2, encode(raw)], [3, ''], [4, '']]);
  return new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...unknown]);
}

/** ObjectMeta as gogo writes it: the strings even when empty, creationTimestamp as an empty Time. */
const meta = (name: string): Field[] => [[1, name], [2, ''], [3, ''], [4, ''], [5, ''], [6, ''], [7, 0], [8, []]];

describe('protobufToJson', () => {
  it('reads a ConfigMap: empty strings and the zero time left out, maps, bytes as base64', () => {
    const body = envelope('v1', 'ConfigMap', [
      [1, [...meta('cfg'), [11, [[1, 'app'], [2, 'web']]]]],
      [2, [[1, 'a'], [2, '1']]],
      [2, [[1, 'b'], [2, '']]],
      [3, [[1, 'bin'], [2, new Uint8Array([0, 255])]]],
    ]);
    expect(JSON.parse(protobufToJson(body))).toEqual({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: 'cfg', labels: { app: 'web' } },
      data: { a: '1', b: '' },
      binaryData: { bin: 'AP8=' },
    });
  });

  it('reads a Deployment: a pointer keeps its zero, an empty struct stays, int-or-string both ways, inline volume sources', () => {
    const body = envelope('apps/v1', 'Deployment', [
      [1, meta('web')],
      [
        2,
        [
          [1, 0],
          [3, [[1, meta('')], [2, [[1, [[1, 'data'], [2, [[2, [[1, '']]]]]]], [2, [[1, 'nginx'], [2, 'nginx:1.27']]]]]]],
          [4, [[1, 'RollingUpdate'], [2, [[1, [[1, 0], [2, 1]]], [2, [[1, 1], [3, '30%']]]]]]],
          [5, 0],
          [7, 0],
        ],
      ],
      [3, []],
    ]);
    const d = JSON.parse(protobufToJson(body));
    expect(d.spec.replicas).toBe(0);
    expect(d.spec).not.toHaveProperty('paused');
    expect(d.spec).not.toHaveProperty('minReadySeconds');
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '30%' } });
    expect(d.spec.template.spec.volumes).toEqual([{ name: 'data', emptyDir: {} }]);
    expect(d.spec.template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx:1.27' }]);
    expect(d.status).toEqual({});
  });

  it('reads times, negative numbers and DeleteOptions, and refuses what is not a protobuf message', () => {
    const pod = envelope('v1', 'Pod', [[1, [[1, 'p'], [9, [[1, 1767225600], [2, 0]]], [10, -1n]]]]);
    expect(JSON.parse(protobufToJson(pod)).metadata).toEqual({ name: 'p', deletionTimestamp: '2026-01-01T00:00:00Z', deletionGracePeriodSeconds: -1 });
    const del = envelope('meta.k8s.io/v1', 'DeleteOptions', [[1, 0], [4, 'Background']]);
    expect(JSON.parse(protobufToJson(del))).toEqual({ kind: 'DeleteOptions', apiVersion: 'meta.k8s.io/v1', gracePeriodSeconds: 0, propagationPolicy: 'Background' });
    expect(() => protobufToJson(new TextEncoder().encode('{"kind":"Pod"}'))).toThrow('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
    expect(() => protobufToJson(envelope('v1', 'Gadget', []))).toThrow('no kind "Gadget" is registered for version "v1"');
  });
});

import { KINDS } from '../api/kinds.ts';
import type { AnyStored, Kind, ObjectRef } from '../api/objects.ts';

/** The table key of an object: `namespace/name` for namespaced kinds, `name` otherwise. */
export function objectKey(kind: Kind, namespace: string | undefined, name: string): string {
  return KINDS[kind].namespaced ? `${namespace ?? 'default'}/${name}` : name;
}

export function keyOf(obj: AnyStored): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
}

export function refOf(obj: AnyStored): ObjectRef {
  return KINDS[obj.kind].namespaced
    ? { kind: obj.kind, namespace: obj.metadata.namespace ?? 'default', name: obj.metadata.name }
    : { kind: obj.kind, name: obj.metadata.name };
}

export function refKey(ref: ObjectRef): string {
  return `${ref.kind}:${objectKey(ref.kind, ref.namespace, ref.name)}`;
}

/** `default/example-pvc` or `example-pv`, as people say it. */
export function displayName(ref: ObjectRef): string {
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}

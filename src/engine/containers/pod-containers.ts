// A pod's containers by name, init containers included: the API forbids the same name in both
// lists (validateInitContainers), so one name finds one spec. The runtime looks containers up
// this way because an init container runs, mounts its volumes and is exec'd into like any other.
import type { Container } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';

export function podContainer(pod: Stored<'Pod'>, name: string): Container | undefined {
  return pod.spec?.containers.find((c) => c.name === name) ?? pod.spec?.initContainers?.find((c) => c.name === name);
}

/** A native sidecar (KEP-753): an init container with `restartPolicy: Always` runs beside the app containers. */
export function isSidecar(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

// The Deployment `kubectl create deployment NAME --image=… [--replicas] [--port] [-- COMMAND…]`
// builds (create_deployment.go): label and selector `app: NAME`, one container per image, named
// after the image's last path element without tag or digest.
import type { AnyStored } from '../../../engine/index.ts';
import { randomSuffix } from '../../../engine/runtime/ids.ts';
import type { KubectlContext } from '../context.ts';
import { flag } from '../flags.ts';
import { parseGoInt } from '../flag-values.ts';

export function buildDeployment(
  ctx: KubectlContext,
  name: string,
  images: readonly string[],
  metadata: { name: string; namespace?: string },
): { ok: true; object: AnyStored } | { ok: false; error: string } {
  // The words after `--` are the containers' command.
  const command = ctx.flags.rest;
  if (images.length > 1 && command.length > 0) return { ok: false, error: 'cannot specify multiple --image options and command' };
  const replicasText = flag(ctx.flags, 'replicas');
  const portText = flag(ctx.flags, 'port');
  // pflag has already refused values that are not int32.
  const replicas = replicasText === undefined ? 1 : Number(parseGoInt(replicasText));
  const port = portText === undefined ? -1 : Number(parseGoInt(portText));
  // utilrand's suffix, drawn from a copy of the cluster's generator so the same script gives the same name.
  const draws = { ...ctx.state };
  const containers = images.map((image, i) => ({
    ...(command.length ? { command } : {}),
    image,
    name: containerName(image, () => randomSuffix(draws, 5)),
    ...(i === 0 && port >= 0 ? { ports: [{ containerPort: port }] } : {}),
    resources: {},
  }));
  const labels = { app: name };
  const object = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { ...metadata, labels },
    spec: {
      replicas,
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  } as unknown as AnyStored;
  return { ok: true, object };
}

/** `registry/team/my_app:1.2` → `my-app-x7k2p`: the last path element, no tag or digest; `_` and `.` made DNS-safe, with a random suffix. */
function containerName(image: string, suffix: () => string): string {
  let name = image.slice(image.lastIndexOf('/') + 1);
  if (name.includes(':')) name = name.split(':')[0]!;
  if (name.includes('@')) name = name.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${suffix()}`;
  return name;
}

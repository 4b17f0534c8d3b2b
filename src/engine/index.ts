// The engine's public surface: everything the commands, the UI store, the CLI and the lessons use.
export type { AnyStored, Kind, KubeObject, ObjectRef, Stored } from './api/objects.ts';
export { ALL_KINDS, KINDS, resolveResource, resourcePrefix, type KindInfo } from './api/kinds.ts';
export { canonicalQuantity, compareQuantities, formatQuantity, parseQuantity } from './api/quantity.ts';
export { parseSelector, selectorMatches } from './api/labels.ts';
export * from './api/storage.ts';
export type { Change, ClusterState, EventNote, PresetName, SchedulingRecord, Step } from './cluster/state.ts';
export { PRESETS } from './cluster/state.ts';
export { PRESET_DESCRIPTIONS } from './presets.ts';
export type { Txn } from './cluster/store.ts';
export { notFound, alreadyExists, qualifiedResource, type ApiError } from './cluster/errors.ts';
export { getObject, listObjects, changesSince, countObjects, readerOf, type ListOptions, type Read, type Reader } from './cluster/reads.ts';
export { parseFieldSelector, fieldSelectorMatches, type FieldRequirement } from './api/field-selector.ts';
export { deleteObject, patchObject, updateObject, writeObject, LAST_APPLIED } from './cluster/apply.ts';
export { eventsFor } from './cluster/events.ts';
export { displayName, keyOf, objectKey, refKey, refOf } from './cluster/keys.ts';
export { parseManifestText, positionOf, type ManifestDocument, type Position } from './manifest/parse.ts';
export { flattenLists } from './manifest/list-items.ts';
export type { ApplyOptions, DocumentError, DocumentResult } from './manifest/apply-documents.ts';
export { act, advanceClock, allObjects, createCluster, RESYNC_SECONDS, type ActResult } from './runtime/simulation.ts';
export { CLUSTER_EPOCH, rfc3339 } from './runtime/clock.ts';
export { captureStates, type Captured } from './runtime/state-capture.ts';
export { KNOWN_DRIVERS, knownDriver, runningProvisioner } from './drivers/registry.ts';
export { podsUsingClaim } from './controllers/queries.ts';

// The write path that decodes manifests (and loads the schema validator) has its own entry,
// `./write.ts`, so that what only reads the engine never loads it.

import type { Txn as StoreTxn } from './cluster/store.ts';
import { readerOf } from './cluster/reads.ts';
import type { ClusterState } from './cluster/state.ts';

/** A read-only view of a state with the store's lookups (get, list in key order). */
export type ClusterView = Pick<StoreTxn, 'get' | 'getRef' | 'list' | 'count' | 'state'>;

export function viewOf(state: ClusterState): ClusterView {
  return readerOf(state);
}

// Explanations (`./explain/index.ts`) are imported from there directly: only lazily loaded parts
// of the UI and the CLI use them, and a re-export here would put them on the first screen.

export { execInPod, endMainProcess, stopsOnSigterm, type ExecOutcome } from './containers/runtime.ts';
// The interactive process (`exec -it`): it brings only the shell and the exec paths above, already here.
export {
  interactiveEnd,
  interactiveLine,
  interactivePrompt,
  openInteractive,
  type InteractiveFailure,
  type InteractiveOpened,
  type InteractiveOptions,
  type InteractiveSession,
  type InteractiveStep,
  type InteractiveTarget,
} from './containers/interactive.ts';
export { isPoweredOff, nodesInZone, powerOff, powerOn, poweredOffSince, type PowerResult } from './cluster/power.ts';
export { NODE_MONITOR_GRACE_PERIOD_MS } from './controllers/node-lifecycle/index.ts';
export { MAX_WAIT_FOR_UNMOUNT_MS } from './controllers/attach-detach/index.ts';

export { runArgv, type ShellContext, type ShellFs, type ShellResult } from './shell/interpreter.ts';
export { COMMANDS as SHELL_COMMANDS } from './shell/commands.ts';

export * from './docker/host.ts';
export { buildImage, parseDockerfile, qualify } from './docker/build.ts';
export { CATALOG as DOCKER_CATALOG, findCatalogImage, parseImageRef } from './docker/catalog.ts';
export { layerBytes, treeEntries, treeOf } from './fs/tree.ts';
export { EMPTY_DOCKER_HOST, type DockerContainer, type DockerHost, type DockerImage, type DockerMount, type DockerVolume } from './docker/types.ts';

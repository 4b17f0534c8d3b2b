// The engine's own thread: the starting cluster (and a Reset's), Apply, terminal commands,
// share-link replay and the editor's document analysis run here, so the page answers within a
// frame whatever is pasted or opened. The page may terminate this worker at any time (Cancel, a
// replay over its budget); nothing here holds anything the page cannot rebuild.
/// <reference lib="webworker" />
import { createEngineHost } from './engine-host.ts';
import type { EngineReply, EngineRequest } from './engine-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const host = createEngineHost((reply: EngineReply) => self.postMessage(reply));
self.onmessage = (e: MessageEvent<EngineRequest>) => void host.handle(e.data);

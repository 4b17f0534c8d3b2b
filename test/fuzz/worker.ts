// The fuzzer's worker: runs cases sent by the pool and answers with their failures. A case that
// never returns (an engine loop) is ended from outside by terminating this thread.
import { parentPort } from 'node:worker_threads';
import { checkCase, describeError, type FuzzCase } from './check.ts';

parentPort!.on('message', (msg: { id: number; case: FuzzCase }) => {
  try {
    parentPort!.postMessage({ id: msg.id, failures: checkCase(msg.case) });
  } catch (e) {
    // checkCase catches the engine's exceptions; this is the checker's own (e.g. a stack overflow while comparing).
    parentPort!.postMessage({ id: msg.id, failures: [{ check: 'exception', step: -1, ...describeError(e) }] });
  }
});

// Warm up before saying ready: a cold engine's first call (lazy compilation, cold JIT) can take
// seconds on a busy machine, which the 2 s per-call budget would report as slow.
checkCase({
  preset: 'kind',
  seed: 1,
  dir: 'static-pv-pvc',
  steps: [
    { via: 'script', text: 'kubectl apply -f pv.yaml\nkubectl apply -f pvc.yaml\nkubectl apply -f pod.yaml\nkubectl get pv,pvc -o wide\nkubectl describe pod example-pod\nkubectl exec example-pod -- ls /\nsleep 60\n' },
    { via: 'apply', mode: 'delete', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: example-pod}\n' },
  ],
});

// Loaded and warm: the pool starts its watchdog only from here, so a slow start on a busy machine
// is not taken for a hang.
parentPort!.postMessage({ ready: true });

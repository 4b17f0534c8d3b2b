// `kubectl run NAME --image=… [-- ARGS…]`: creates one pod and prints `pod/NAME created`. With
// `-i` (or `--attach`) it waits for the pod and shows its output instead, as `kubectl attach`
// would; with `--rm` it then deletes the pod. A script has no terminal, so `-t` falls back the
// way kubectl's does when stdin is not one. A main process waiting on its stdin (`-i -- sh`) is
// given the script's input for the command (a here-document; else none) through run-attach.ts.
import { act, deleteObject, getObject, objectKey, readerOf, type ClusterState, type Step } from '../../../engine/index.ts';
import { output, type CommandOutput, type OutputChunk } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import { dryRunOf } from '../dry-run.ts';
import { outputFormatError } from '../object-output.ts';
import type { KubectlContext } from '../context.ts';
import { sendCreated } from './create-object.ts';
import { planRun, type RunPlan } from './run-pod.ts';
import { attachAtTerminal, feedMainProcess } from './run-attach.ts';
import { stdinIsTerminal } from '../../interactive/terminal-stdin.ts';
import type { InteractiveLaunch } from '../../interactive/launch.ts';

export function runVerb(ctx: KubectlContext): CommandOutput {
  const fail = (message: string) => output(ctx.state, { stderr: message + '\n', exitCode: 1 });
  // cobra's required flag comes first.
  if (flag(ctx.flags, 'image') === undefined) return fail(clientError('required flag(s) "image" not set'));
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return fail(clientError(dryRun.error));
  const badFormat = outputFormatError(flag(ctx.flags, 'output'), ctx.input.files);
  if (badFormat) return fail(clientError(badFormat));
  const planned = planRun(ctx, dryRun.value !== 'none');
  if (!planned.ok) return fail(clientError(planned.error));
  const plan = planned.plan;
  // run hands the server's refusal to CheckErr as it is: `Error from server (AlreadyExists): …`.
  const created = sendCreated(ctx, plan.pod, dryRun.value, (e) => formatApiError(e), `user ran kubectl run ${plan.name}`);
  if (created.error) return fail(created.error);
  if (!plan.attach) return output(created.state, { stdout: created.stdout, steps: created.steps });
  return attached(ctx, plan, created.state, created.steps);
}

/** What attach.go Run prints before streaming, unless --quiet. */
const ATTACH_NOTES =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
  "If you don't see a command prompt, try pressing enter.\n";

/** After the pod exists: its output, the wait for it to end (Never, OnFailure), then `--rm`. */
function attached(ctx: KubectlContext, plan: RunPlan, created: ClusterState, createdSteps: Step[]): CommandOutput {
  const ns = ctx.namespace;
  let state = created;
  let steps = createdSteps;
  const got = getObject(readerOf(state), 'Pod', ns, plan.name);
  let pod = got.ok ? got.value : undefined;
  let phase = pod?.status?.phase;
  // In the order kubectl writes them: the attach's notes after what was already logged, and the
  // pod's failure or a timeout only after --rm's deletion (deferred; the error is printed on return).
  const chunks: OutputChunk[] = [];
  const stdout = (text: string) => chunks.push({ stream: 'stdout', text });
  const stderr = (text: string) => chunks.push({ stream: 'stderr', text });
  const failure: OutputChunk[] = [];
  let exitCode = 0;
  let launch: InteractiveLaunch | undefined;
  const logs = pod ? (state.containers[`${pod.metadata.uid}/${plan.name}`]?.logs ?? '') : '';
  if (phase === 'Succeeded' || phase === 'Failed') {
    // The pod ended before kubectl could attach: it prints the container's logs instead.
    stdout(logs);
  } else if (phase === 'Running' && plan.tty && stdinIsTerminal(ctx.input) && (launch = attachAtTerminal(state, ns, plan.name, { restartPolicy: plan.restartPolicy, remove: plan.remove, leaveStdinOpen: isSet(ctx.flags, 'leave-stdin-open') }))) {
    // At the browser terminal: kubectl has a TTY, so only the attach notes; the terminal goes on in the container.
    if (!isSet(ctx.flags, 'quiet')) stderr(ATTACH_NOTES);
    return output(state, { chunks, steps, interactive: launch });
  } else if (phase === 'Running') {
    // attach.go Run (1.34): its notes (stderr) first, then the stream. kubectl 1.34 shows no logs
    // from before the attach; the simulated process printed them at once, so they are the stream.
    if (plan.tty && !isSet(ctx.flags, 'quiet')) stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    if (!isSet(ctx.flags, 'quiet')) stderr(ATTACH_NOTES);
    const fed = plan.stdin ? feedMainProcess(state, ns, plan.name, ctx.input.stdin ?? '', !isSet(ctx.flags, 'leave-stdin-open')) : undefined;
    if (fed) {
      chunks.push(...fed.chunks);
      state = fed.state;
      steps = [...steps, ...fed.steps];
      const after = getObject(readerOf(state), 'Pod', ns, plan.name);
      phase = after.ok ? after.value.status?.phase : undefined;
      pod = after.ok ? after.value : pod;
      // OnFailure restarts a failed container, which waits on its stdin again: kubectl waits for
      // the pod to succeed until --pod-running-timeout (1m) and gives up.
      if (plan.restartPolicy === 'OnFailure' && phase === 'Running' && !isSet(ctx.flags, 'leave-stdin-open')) {
        failure.push({ stream: 'stderr', text: clientError('timed out waiting for the condition') + '\n' });
        exitCode = 1;
      }
    } else stdout(logs);
  } else {
    // kubectl waits --pod-running-timeout (1m) for the pod to run, then gives up.
    failure.push({ stream: 'stderr', text: clientError('timed out waiting for the condition') + '\n' });
    exitCode = 1;
  }
  if (exitCode === 0 && plan.restartPolicy !== 'Always' && phase === 'Failed') {
    // The exit code of the container is kubectl's own (uexec.CodeExitError, printed as is).
    const terminated = pod?.status?.containerStatuses?.[0]?.state?.terminated;
    const rc = terminated?.exitCode ?? 0;
    const text = rc === 0 ? clientError(`pod ${ns}/${plan.name} failed with unknown exit code`) + '\n' : `pod ${ns}/${plan.name} terminated (${terminated?.reason ?? 'Error'})\n${terminated?.message ?? ''}`.replace(/\n?$/, '\n');
    failure.push({ stream: 'stderr', text });
    exitCode = rc === 0 ? 1 : rc;
  }
  if (!plan.remove) return output(state, { chunks: [...chunks, ...failure], exitCode, steps });
  // --rm: delete's own printing, ignoring a pod that is already gone.
  const r = act(state, `user ran kubectl run ${plan.name} --rm: pod ${plan.name} deleted`, (txn) => deleteObject(txn, 'Pod', objectKey('Pod', ns, plan.name)));
  if (r.result.ok) stdout(`pod "${plan.name}" deleted from ${ns} namespace\n`);
  return output(r.state, { chunks: [...chunks, ...failure], exitCode, steps: [...steps, ...r.steps] });
}

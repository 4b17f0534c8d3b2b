// `kubectl edit TYPE/NAME` (pkg/cmd/edit, pkg/cmd/util/editor): the object as `get -o yaml`
// prints it, under kubectl's header comment, in a temp file `/tmp/kubectl-edit-N.yaml` opened
// with $KUBE_EDITOR, else $EDITOR, else `vi`. On the script host the editor is a program the host
// runs (`KUBE_EDITOR="cp web.yaml"` saves a prepared file); there is no vi, so with neither set
// kubectl cannot launch one. In the browser terminal with neither set, the object opens in the
// editor pane instead (an effect for the UI), and saving runs this command again with an editor
// that copies the saved text in. Then, as kubectl: unchanged means cancelled, a syntax error or
// a refused update reopens the editor with the reasons in the header, and an editor that saves
// the same text again gives up, keeping the file.
import { act, getObject, KINDS, objectKey, updateObject, parseManifestText, type AnyStored, type ApiError } from '../../../engine/index.ts';
import { output, type CommandOutput, type HostAccess, type OutputChunk } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import type { KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';
import { outputFormatError, printObject } from '../object-output.ts';
import { flag } from '../flags.ts';
import { NO_RESOURCES } from './set-image.ts';

export const EDIT_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** How many times the editor is reopened after an error before giving up: an editor program does the same each time. */
const MAX_ROUNDS = 4;

export function editVerb(ctx: KubectlContext): CommandOutput {
  const fail = (message: string) => output(ctx.state, { stderr: message + '\n', exitCode: 1 });
  if (ctx.flags.values['filename']?.length) return fail(clientError('kubectl edit -f is not simulated: name the object as TYPE/NAME'));
  const format = flag(ctx.flags, 'output');
  const badFormat = outputFormatError(format, ctx.input.files);
  if (badFormat) return fail(clientError(badFormat));
  const parsed = parseResourceArgs(ctx.flags.args);
  if (!parsed.ok) return fail(clientError(parsed.error));
  const target = parsed.targets[0];
  const name = target?.names[0];
  if (!target) {
    return fail(NO_RESOURCES);
  }
  if (!name || parsed.targets.length > 1 || target.names.length > 1) return fail(clientError('the simulator edits one object at a time: name it as TYPE/NAME'));
  const got = getObject(ctx.api, target.info.kind, ctx.namespace, name);
  if (!got.ok) return fail(formatApiError(got.error));
  const original = got.value;
  const originalText = printObject(original, 'yaml', '', true);
  const host = ctx.input.host;
  const editor = host?.env['KUBE_EDITOR'] || host?.env['EDITOR'] || '';
  if (editor === '' && host?.browserTerminal) {
    const resource = `${target.info.plural}${target.info.group ? `.${target.info.group}` : ''}/${name}`;
    return output(ctx.state, { effects: [{ type: 'edit', text: EDIT_HEADER + originalText, resource, ...(ctx.namespaceGiven ? { namespace: ctx.namespace } : {}) }] });
  }
  const command = editorCommand(editor || 'vi', host?.env['SHELL'] || '/bin/bash');
  const file = tempFile(ctx, original);
  if (!host) return fail(clientError(`unable to launch the editor ${goQuote(command.args.join(' '))}`));
  return new EditSession(ctx, host, original, originalText, command, file, format).run();
}

interface EditorCommand {
  args: string[];
  /** Given to the shell (`$SHELL -c "EDITOR 'FILE'"`): the file is appended to its last word. */
  shell: boolean;
}

/** defaultEnvEditor: a command with spaces is split on them, or given to the shell when it quotes. */
function editorCommand(editor: string, shell: string): EditorCommand {
  if (!editor.includes(' ')) return { args: [editor], shell: false };
  if (!/["'\\]/.test(editor)) return { args: editor.split(' '), shell: false };
  return { args: [shell, '-c', editor], shell: true };
}

/** os.CreateTemp("", "kubectl-edit-*.yaml"): a number in the name, here drawn from the object and the clock so a script always gets the same. */
function tempFile(ctx: KubectlContext, obj: AnyStored): string {
  let h = 2166136261;
  for (const ch of `${obj.metadata.uid ?? ''}/${obj.metadata.resourceVersion ?? ''}/${ctx.state.now}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `/tmp/kubectl-edit-${h}.yaml`;
}

const goQuote = (s: string) => JSON.stringify(s);

/** cmdutil.StripComments: the lines that do not start with `#`. */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
}

interface Reason {
  head: string;
  other: string[];
}

class EditSession {
  private state;
  private readonly chunks: OutputChunk[] = [];
  private steps: CommandOutput['steps'] = [];

  constructor(
    private readonly ctx: KubectlContext,
    private readonly host: HostAccess,
    private readonly original: AnyStored,
    private readonly originalText: string,
    private readonly command: EditorCommand,
    private readonly file: string,
    /** `-o`: how the edited object is printed (`deployment.apps/web edited` by default). */
    private readonly format: string | undefined,
  ) {
    this.state = ctx.state;
  }

  private done(code: number, error?: string): CommandOutput {
    if (error) this.chunks.push({ stream: 'stderr', text: error + '\n' });
    return output(this.state, { chunks: this.chunks, exitCode: code, steps: this.steps });
  }

  /** preservedFile: where the edits were kept, then the error. */
  private preserved(error: string): CommandOutput {
    this.chunks.push({ stream: 'stderr', text: `A copy of your changes has been stored to ${goQuote(this.file)}\n` });
    return this.done(1, error);
  }

  run(): CommandOutput {
    let reasons: Reason[] = [];
    let containsError = false;
    let edited = '';
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const body = containsError ? stripComments(edited) : this.originalText;
      const text = header(reasons) + body;
      this.host.fs.write(this.file, text, false);
      const previous = edited;
      const launched = this.launch();
      if (launched) return this.done(1, launched);
      const read = this.host.fs.read(this.file);
      edited = read.ok ? read.value : '';
      if (containsError && stripComments(previous) === stripComments(edited)) return this.preserved(clientError('Edit cancelled, no valid changes were saved.'));
      if (stripComments(this.originalText) === stripComments(edited)) {
        this.host.fs.remove(this.file, false);
        this.chunks.push({ stream: 'stderr', text: 'Edit cancelled, no changes made.\n' });
        return this.done(0);
      }
      if (!edited.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#'))) {
        this.host.fs.remove(this.file, false);
        this.chunks.push({ stream: 'stderr', text: 'Edit cancelled, saved file was empty.\n' });
        return this.done(0);
      }
      const docs = parseManifestText(stripComments(edited));
      const broken = docs.find((d) => d.syntaxError);
      if (broken || docs.length !== 1 || !isObject(docs[0]!.value)) {
        const detail = broken?.syntaxError?.detail ?? 'the edited file must hold one object';
        reasons = [{ head: `The edited file had a syntax error: error parsing edited-file: ${detail}`, other: [] }];
        containsError = true;
        continue;
      }
      const updated = docs[0]!.value as unknown as AnyStored;
      const o = this.original;
      if (updated.apiVersion !== o.apiVersion || updated.kind !== o.kind || updated.metadata?.name !== o.metadata.name) {
        return this.preserved(clientError('At least one of apiVersion, kind and name was changed'));
      }
      const outcome = this.update(updated);
      if (outcome === 'done') {
        this.host.fs.remove(this.file, false);
        return this.done(0);
      }
      if (outcome === 'retryable') {
        this.chunks.push({ stream: 'stderr', text: `You can run \`kubectl replace -f ${this.file}\` to try this update again.\n` });
        return this.done(1);
      }
      if (outcome === 'notfound') {
        this.chunks.push({ stream: 'stderr', text: `The edits you made on deleted resources have been saved to ${goQuote(this.file)}\n` });
        return this.done(1);
      }
      reasons = [outcome];
      containsError = true;
    }
    return this.preserved(clientError('Edit cancelled, no valid changes were saved.'));
  }

  /** Editor.Launch: the program with the file's absolute path; its output is the terminal's. */
  private launch(): string | undefined {
    const argv = [...this.command.args];
    if (this.command.shell) argv[argv.length - 1] = `${argv[argv.length - 1]} ${goQuote(this.file)}`;
    else argv.push(this.file);
    const r = this.host.run(argv);
    const editorName = goQuote(this.command.args.join(' '));
    // exec.ErrNotFound: the program is not there, and nothing ran.
    if (r.code === 127 && r.stderr.endsWith(`${argv[0]}: command not found\n`) && r.stdout === '') return clientError(`unable to launch the editor ${editorName}`);
    if (r.stdout) this.chunks.push({ stream: 'stdout', text: r.stdout });
    if (r.stderr) this.chunks.push({ stream: 'stderr', text: r.stderr });
    if (r.code !== 0) return clientError(`there was a problem with the editor ${editorName}`);
    return undefined;
  }

  /**
   * The patch kubectl sends, as an update of the whole edited object: printed `edited` (or
   * `skipped` when nothing changed); else what addError counts it as.
   */
  private update(updated: AnyStored): 'done' | 'retryable' | 'notfound' | Reason {
    const o = this.original;
    const { kind, namespace, name } = { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name };
    const resource = resourceString(o);
    let line = '';
    let error: ApiError | undefined;
    const r = act(this.state, `user ran kubectl edit ${kind.toLowerCase()} ${name}`, (txn) => {
      const live = txn.get(kind, objectKey(kind, namespace, name)) as AnyStored | undefined;
      if (!live) return void (error = { reason: 'NotFound', message: `${resource} "${name}" not found` });
      const res = updateObject(txn, live, { ...updated, metadata: { ...updated.metadata, ...(namespace ? { namespace } : {}) } } as AnyStored);
      if (res.ok) line = printObject(res.object, this.format, res.outcome === 'unchanged' ? 'skipped' : 'edited', false, this.ctx.input.files);
      else error = res.error;
    });
    const err = error as ApiError | undefined;
    if (!err) {
      this.state = r.state;
      this.steps = r.steps;
      this.chunks.push({ stream: 'stdout', text: line });
      return 'done';
    }
    if (err.reason === 'Invalid') {
      this.chunks.push({ stream: 'stderr', text: `error: ${resource} ${goQuote(name)} is invalid\n` });
      return { head: `${resource} ${goQuote(name)} was not valid`, other: err.details?.causes ?? [] };
    }
    if (err.reason === 'NotFound') {
      this.chunks.push({ stream: 'stderr', text: `error: ${resource} ${goQuote(name)} could not be found on the server\n` });
      return 'notfound';
    }
    this.chunks.push({ stream: 'stderr', text: `error: ${resource} ${goQuote(name)} could not be patched: ${err.message}\n` });
    return 'retryable';
  }
}

function header(reasons: readonly Reason[]): string {
  let text = EDIT_HEADER;
  for (const r of reasons) {
    text += r.other.length ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) text += `# * ${hashOnLineBreak(o)}\n`;
    text += '#\n';
  }
  return text;
}

/** A line break in a reason starts a new comment line. */
function hashOnLineBreak(s: string): string {
  return s.replace(/\n(?!#)/g, '\n# ');
}

/** `pods`, `deployments.apps`: the resource and its group, as edit's messages name it. */
function resourceString(o: AnyStored): string {
  const info = KINDS[o.kind];
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

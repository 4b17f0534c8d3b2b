// The interactive process behind `kubectl exec -it`, `docker exec -it` and `docker run -it`: a
// shell fed one line at a time keeps its state, prompts as the image's shell does for root,
// words its errors as it does at a terminal, and ends on `exit`, end of input, or when its
// container goes.
import { describe, expect, it } from 'vitest';
import { act, createCluster, deleteObject, execInPod, runContainer, type ClusterState } from '../index.ts';
import { applyManifest } from '../write.ts';
import { interactiveEnd, interactiveInterrupt, interactiveLine, interactivePrompt, openInteractive, type InteractiveSession, type InteractiveStep, type InteractiveTarget } from './interactive.ts';

const pod = (name: string, image: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - name: main
    image: ${image}
    ${image.startsWith('nginx') ? '' : 'command: ["sh", "-c", "sleep 3600"]'}
    volumeMounts:
    - {name: data, mountPath: /data}
${extra}  volumes:
  - {name: data, emptyDir: {}}
`;

function cluster(): ClusterState {
  const manifests = [pod('box', 'busybox'), pod('web', 'nginx:1.27'), pod('py', 'python:3.12-slim', '    workingDir: /data\n')].join('---\n');
  return applyManifest(createCluster({ preset: 'kind' }), manifests, { mode: 'apply' }).state;
}

const inPod = (name: string): InteractiveTarget => ({ kind: 'pod', namespace: 'default', pod: name, container: 'main' });

/** A terminal session: what it shows (prompts, typed lines, output), as a learner sees it. */
class Terminal {
  screen = '';
  ended?: number;
  last?: InteractiveStep;
  constructor(
    public state: ClusterState,
    public session: InteractiveSession,
  ) {
    this.screen = interactivePrompt(session);
  }
  static open(state: ClusterState, target: InteractiveTarget, argv: string[]): Terminal {
    const r = openInteractive(state, target, argv);
    if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
    expect(r.ended).toBeUndefined();
    return new Terminal(state, r.session);
  }
  type(...lines: string[]): this {
    for (const line of lines) this.step(interactiveLine(this.state, this.session, line), `${line}\n`);
    return this;
  }
  eof(): this {
    this.step(interactiveEnd(this.state, this.session), '');
    return this;
  }
  private step(s: InteractiveStep, echo: string): void {
    expect(this.ended).toBeUndefined();
    this.last = s;
    this.state = s.state;
    this.session = s.session;
    // What a TTY shows: both streams in the order written.
    const out = s.output.chunks ? s.output.chunks.map((c) => c.text).join('') : s.output.stdout + s.output.stderr;
    this.screen += echo + out;
    if (s.ended !== undefined) this.ended = s.ended;
    else this.screen += interactivePrompt(this.session);
  }
}

describe('prompts, as each image prints them for root', () => {
  const state = cluster();
  it('busybox ash: the cwd (home as ~) and #', () => {
    const t = Terminal.open(state, inPod('box'), ['sh']).type('cd /data', 'cd', 'cd /tmp');
    expect(t.screen).toBe('/ # cd /data\n/data # cd\n~ # cd /tmp\n/tmp # ');
  });
  it("Debian's sh (dash): `# ` wherever it is", () => {
    const t = Terminal.open(state, inPod('web'), ['/bin/sh']).type('cd /usr');
    expect(t.screen).toBe('# cd /usr\n# ');
  });
  it("Debian's bash: root@POD:DIR# from bash.bashrc, starting in the container's workingDir", () => {
    const t = Terminal.open(state, inPod('py'), ['bash']).type('cd /', 'cd ~', 'cd /etc');
    expect(t.screen).toBe('root@py:/data# cd /\nroot@py:/# cd ~\nroot@py:~# cd /etc\nroot@py:/etc# ');
  });
  it('PS1 set by the learner, with \\w \\W \\u \\h \\$ and a variable; PS2 while a command is open', () => {
    const t = Terminal.open(state, inPod('web'), ['bash']).type(`PS1='[\\u@\\h \\W]\\$ '`, 'cd /usr/share', `PS1='$PWD> '`, 'if true', 'then echo yes', 'fi');
    expect(t.screen).toBe(`root@web:/# PS1='[\\u@\\h \\W]\\$ '\n[root@web /]# cd /usr/share\n[root@web share]# PS1='$PWD> '\n/usr/share> if true\n> then echo yes\n> fi\nyes\n/usr/share> `);
  });
  it('dash prints PS1 without decoding backslash escapes', () => {
    const t = Terminal.open(state, inPod('web'), ['sh']).type(`PS1='\\w $ '`);
    expect(interactivePrompt(t.session)).toBe('\\w $ ');
  });
});

describe('state kept from line to line', () => {
  const state = cluster();
  it('variables, export, functions, $? and cd', () => {
    const t = Terminal.open(state, inPod('box'), ['sh']).type('x=1', 'echo $x', 'export Y=2', 'env | grep ^Y=', 'greet() { echo "hi $1"; }', 'greet you', 'false', 'echo $?', 'cd /data', 'pwd');
    expect(t.screen).toBe('/ # x=1\n/ # echo $x\n1\n/ # export Y=2\n/ # env | grep ^Y=\nY=2\n/ # greet() { echo "hi $1"; }\n/ # greet you\nhi you\n/ # false\n/ # echo $?\n1\n/ # cd /data\n/data # pwd\n/data\n/data # ');
  });
  it('is plain data: a session survives JSON and structuredClone between lines', () => {
    let t = Terminal.open(state, inPod('box'), ['sh']).type('f() { echo "f:$v"; }', 'v=7', 'cd /data');
    t.session = JSON.parse(JSON.stringify(structuredClone(t.session))) as InteractiveSession;
    t = t.type('f');
    expect(t.screen.endsWith('/data # f\nf:7\n/data # ')).toBe(true);
  });
  it('files written stay written, and a later `kubectl exec` sees them', () => {
    const t = Terminal.open(state, inPod('box'), ['sh']).type('echo hello > /data/note', 'cd /tmp', 'echo layer > here');
    const later = execInPod(t.state, 'default', 'box', 'main', ['cat', '/data/note', '/tmp/here'], '');
    expect(later.ok && later.stdout).toBe('hello\nlayer\n');
    // The state the session was opened on is untouched.
    const before = execInPod(state, 'default', 'box', 'main', ['cat', '/data/note'], '');
    expect(before.ok && before.code).toBe(1);
  });
  it('a here-document and a loop over several lines, under PS2', () => {
    const t = Terminal.open(state, inPod('box'), ['sh']).type('cat > /data/f <<EOF', 'one', 'two', 'EOF', 'for w in a b; do', 'echo $w', 'done', 'echo x \\', 'y', 'wc -l < /data/f');
    expect(t.screen).toBe('/ # cat > /data/f <<EOF\n> one\n> two\n> EOF\n/ # for w in a b; do\n> echo $w\n> done\na\nb\n/ # echo x \\\n> y\nx y\n/ # wc -l < /data/f\n2\n/ # ');
  });
  it('an empty line shows the prompt again and leaves $? as it was', () => {
    const t = Terminal.open(state, inPod('box'), ['sh']).type('false', '', '   ', 'echo $?');
    expect(t.screen).toBe('/ # false\n/ # \n/ #    \n/ # echo $?\n1\n/ # ');
  });
  it('commands get no input from the terminal: read and cat meet its end at once', () => {
    const t = Terminal.open(state, inPod('box'), ['sh']).type('read x; echo "read=$? x=[$x]"', 'cat', 'echo done');
    expect(t.screen).toBe('/ # read x; echo "read=$? x=[$x]"\nread=1 x=[]\n/ # cat\n/ # echo done\ndone\n/ # ');
  });
  it('an error that ends a script ends only the command at a prompt', () => {
    const t = Terminal.open(state, inPod('box'), ['sh']).type('echo ${nope:?unset here}', 'echo $?; echo still');
    expect(t.screen).toBe('/ # echo ${nope:?unset here}\nsh: nope: unset here\n/ # echo $?; echo still\n2\nstill\n/ # ');
    expect(t.ended).toBeUndefined();
  });
  it('a loop that would wait forever is taken as interrupted (130), and the shell goes on', () => {
    const t = Terminal.open(state, inPod('box'), ['sh']).type('while true; do echo tick; sleep 5; done', 'echo $?');
    expect(t.screen).toBe('/ # while true; do echo tick; sleep 5; done\ntick\n/ # echo $?\n130\n/ # ');
  });
});

describe('error wording at a terminal', () => {
  const state = cluster();
  it('busybox ash: sh: foo: not found; a syntax error without a line number', () => {
    const t = Terminal.open(state, inPod('box'), ['sh']).type('foo', 'fi', 'echo $?');
    expect(t.screen).toBe('/ # foo\nsh: foo: not found\n/ # fi\nsh: syntax error: unexpected "fi"\n/ # echo $?\n2\n/ # ');
  });
  it('dash: the number is the count of lines read so far, blank lines and continuations included', () => {
    const t = Terminal.open(state, inPod('web'), ['/bin/sh']).type('foo', '', 'if true; then', 'bar', 'fi', 'fi');
    expect(t.screen).toBe('# foo\n/bin/sh: 1: foo: not found\n# \n# if true; then\n> bar\n> fi\n/bin/sh: 4: bar: not found\n# fi\n/bin/sh: 6: Syntax error: "fi" unexpected\n# ');
  });
  it('bash: no `line N:` and no echo of the line after a syntax error', () => {
    const t = Terminal.open(state, inPod('web'), ['bash']).type('foo', 'fi', 'echo $((1/0))', 'echo $?');
    expect(t.screen).toBe(
      'root@web:/# foo\nbash: foo: command not found\nroot@web:/# fi\nbash: syntax error near unexpected token `fi\'\nroot@web:/# echo $((1/0))\nbash: 1/0: division by 0 (error token is "0")\nroot@web:/# echo $?\n1\nroot@web:/# ',
    );
  });
  it('an interactive bash names itself by its base name, as bash -i started as /bin/bash does', () => {
    const t = Terminal.open(state, inPod('web'), ['/bin/bash']).type('foo');
    expect(t.screen).toContain('root@web:/# foo\nbash: foo: command not found\n');
  });
});

describe('how a session ends', () => {
  const state = cluster();
  it('exit N ends it with N; bash says exit, ash and dash say nothing', () => {
    const bash = Terminal.open(state, inPod('web'), ['bash']).type('echo bye; exit 3');
    expect([bash.screen, bash.ended]).toEqual(['root@web:/# echo bye; exit 3\nbye\nexit\n', 3]);
    const ash = Terminal.open(state, inPod('box'), ['sh']).type('exit');
    expect([ash.screen, ash.ended]).toEqual(['/ # exit\n', 0]);
  });
  it('end of input exits with the last status: bash prints exit, ash and dash a newline', () => {
    const bash = Terminal.open(state, inPod('web'), ['bash']).type('false').eof();
    expect([bash.screen, bash.ended]).toEqual(['root@web:/# false\nroot@web:/# exit\n', 1]);
    const dash = Terminal.open(state, inPod('web'), ['sh']).eof();
    expect([dash.screen, dash.ended]).toEqual(['# \n', 0]);
    const ash = Terminal.open(state, inPod('box'), ['sh']).type('true').eof();
    expect([ash.screen, ash.ended]).toEqual(['/ # true\n/ # \n', 0]);
  });
  it('end of input inside an unfinished command is a syntax error, and the shell goes on', () => {
    const t = Terminal.open(state, inPod('web'), ['bash']).type('if true; then').eof().type('echo $?');
    expect(t.screen).toBe('root@web:/# if true; then\n> bash: syntax error: unexpected end of file\nroot@web:/# echo $?\n2\nroot@web:/# ');
  });
  it('the pod deleted meanwhile: the next line ends the session with 137', () => {
    const t = Terminal.open(state, inPod('box'), ['sh']).type('echo hi');
    t.state = act(t.state, 'delete', (txn) => deleteObject(txn, 'Pod', 'default/box', { gracePeriodSeconds: 0 })).state;
    t.type('echo again');
    expect(t.ended).toBe(137);
    expect(t.screen).toBe('/ # echo hi\nhi\n/ # echo again\n');
  });
  it('kill 1 ends the main process (nginx handles SIGTERM): the shell goes with the container', () => {
    const t = Terminal.open(state, inPod('web'), ['sh']).type('kill 1');
    expect(t.ended).toBe(137);
    expect(t.last?.mainEnded).toBe(true);
  });
  it('a shell the image lacks cannot be started', () => {
    expect(openInteractive(state, inPod('web'), ['ash'])).toEqual({ ok: false, reason: 'executable-not-found', detail: 'ash' });
    expect(openInteractive(state, inPod('gone'), ['sh'])).toMatchObject({ ok: false, reason: 'pod-not-found' });
  });
});

describe('programs that are not shells', () => {
  const state = cluster();
  it('one that reads its input gets every line typed, and runs at end of input', () => {
    const open = openInteractive(state, inPod('box'), ['wc', '-l']);
    if (!open.ok) throw new Error(open.reason);
    expect(interactivePrompt(open.session)).toBe('');
    let s = interactiveLine(state, open.session, 'a').session;
    s = interactiveLine(state, s, 'b').session;
    const end = interactiveEnd(state, s);
    expect([end.output.stdout, end.ended]).toEqual(['2\n', 0]);
  });
  it('one that does not read its input runs at once and ends', () => {
    const r = openInteractive(state, inPod('box'), ['ls', '/data']);
    expect(r.ok && [r.ended, r.output.stdout]).toEqual([0, '']);
    const w = openInteractive(state, inPod('box'), ['sh', '-c', 'echo hi > /data/x; cat /nope']);
    if (!w.ok || !w.state) throw new Error('expected it to run');
    expect([w.ended, w.output.stdout, w.output.stderr]).toEqual([1, '', 'cat: can\'t open \'/nope\': No such file or directory\n']);
    const later = execInPod(w.state, 'default', 'box', 'main', ['cat', '/data/x'], '');
    expect(later.ok && later.stdout).toBe('hi\n');
  });
  it('a program the image lacks cannot be started', () => {
    expect(openInteractive(state, inPod('box'), ['python3'])).toMatchObject({ ok: false, reason: 'executable-not-found' });
  });
});

describe('Docker containers and kind nodes', () => {
  it('docker exec -it C bash: the prompt has the 12-character container id', () => {
    const run = runContainer(createCluster({ preset: 'kind' }), { image: 'nginx', command: ['nginx', '-g', 'daemon off;'], mounts: [], env: [], detach: true });
    if (!run.ok) throw new Error(run.error);
    const id = run.container.id;
    const t = Terminal.open(run.state, { kind: 'docker', id }, ['bash']).type('echo hi > /tmp/x', 'cat /tmp/x', 'exit');
    expect(t.screen).toBe(`root@${id.slice(0, 12)}:/# echo hi > /tmp/x\nroot@${id.slice(0, 12)}:/# cat /tmp/x\nhi\nroot@${id.slice(0, 12)}:/# exit\nexit\n`);
  });
  it('docker exec -it kind-control-plane bash: root@kind-control-plane', () => {
    const t = Terminal.open(createCluster({ preset: 'kind' }), { kind: 'kind-node', node: 'kind-control-plane' }, ['bash']).type('cd /var', 'x=1; echo $x');
    expect(t.screen).toBe('root@kind-control-plane:/# cd /var\nroot@kind-control-plane:/var# x=1; echo $x\n1\nroot@kind-control-plane:/var# ');
  });
  it('a container removed meanwhile ends the session with 137', () => {
    const run = runContainer(createCluster({ preset: 'kind' }), { image: 'busybox', command: ['sleep', '3600'], mounts: [], env: [], detach: true });
    if (!run.ok) throw new Error(run.error);
    const t = Terminal.open(run.state, { kind: 'docker', id: run.container.id }, ['sh']);
    const { [run.container.id]: _gone, ...rest } = t.state.docker.containers;
    t.state = { ...t.state, docker: { ...t.state.docker, containers: rest } };
    t.type('ls');
    expect(t.ended).toBe(137);
  });
});

describe('without a terminal (kubectl exec -i POD -- sh fed by a pipe)', () => {
  it('runs command by command with no prompt, words errors as for a script, and exits at end of input', () => {
    const state = cluster();
    const r = openInteractive(state, inPod('web'), ['bash'], { tty: false });
    if (!r.ok) throw new Error(r.reason);
    expect(interactivePrompt(r.session)).toBe('');
    const a = interactiveLine(state, r.session, 'foo');
    expect(a.output.stderr).toBe('bash: line 1: foo: command not found\n');
    const b = interactiveLine(a.state, a.session, 'x=5');
    const c = interactiveLine(b.state, b.session, 'echo $x');
    expect(c.output.stdout).toBe('5\n');
    const end = interactiveEnd(c.state, c.session);
    expect([end.output.stderr, end.ended]).toEqual(['', 0]);
  });
});

describe('Ctrl-C (interactiveInterrupt)', () => {
  const state = cluster();
  it('a shell drops the unfinished command (its PS2 lines) and goes on with its state', () => {
    const t = Terminal.open(state, inPod('box'), ['sh']).type('x=7', 'for i in 1 2', 'do echo $i');
    expect(interactivePrompt(t.session)).toBe('> ');
    const c = interactiveInterrupt(t.state, t.session);
    expect([c.ended, c.output.stdout + c.output.stderr, c.session.pending]).toEqual([undefined, '', []]);
    expect(interactivePrompt(c.session)).toBe('/ # ');
    // The loop was thrown away (`done` alone is a syntax error now), the variable kept.
    expect(interactiveLine(c.state, c.session, 'done').output.stderr).toContain('syntax error');
    expect(interactiveLine(c.state, c.session, 'echo $x').output.stdout).toBe('7\n');
  });
  it('a program that is not a shell dies of SIGINT: 130, and runs no more', () => {
    const open = openInteractive(state, inPod('box'), ['wc', '-l']);
    if (!open.ok) throw new Error(open.reason);
    const a = interactiveLine(state, open.session, 'a');
    const c = interactiveInterrupt(a.state, a.session);
    expect([c.ended, c.output.stdout]).toEqual([130, '']);
  });
  it('the container gone meanwhile: 137, as for a line', () => {
    const t = Terminal.open(state, inPod('box'), ['sh']);
    const gone = act(t.state, 'delete', (txn) => deleteObject(txn, 'Pod', 'default/box', { gracePeriodSeconds: 0 })).state;
    expect(interactiveInterrupt(gone, t.session).ended).toBe(137);
  });
});

describe('programs that answer line by line (cat, tee, grep)', () => {
  const state = cluster();
  const open = (argv: string[]) => {
    const r = openInteractive(state, inPod('box'), argv);
    if (!r.ok || r.ended !== undefined) throw new Error('expected it to wait for input');
    return r.session;
  };
  it('cat prints each line as it arrives, and nothing more at end of input', () => {
    const a = interactiveLine(state, open(['cat']), 'hello');
    expect(a.output.stdout).toBe('hello\n');
    const b = interactiveLine(a.state, a.session, 'again');
    expect(b.output.stdout).toBe('again\n');
    const end = interactiveEnd(b.state, b.session);
    expect([end.output.stdout, end.ended]).toEqual(['', 0]);
  });
  it('grep -n numbers on from line to line', () => {
    const a = interactiveLine(state, open(['grep', '-n', '.']), 'x');
    const b = interactiveLine(a.state, a.session, 'y');
    expect([a.output.stdout, b.output.stdout]).toEqual(['1:x\n', '2:y\n']);
  });
  it('grep prints the matching lines as they come; grep -c only at the end', () => {
    const a = interactiveLine(state, open(['grep', 'o']), 'foo');
    const b = interactiveLine(a.state, a.session, 'bar');
    expect([a.output.stdout, b.output.stdout]).toEqual(['foo\n', '']);
    expect(interactiveEnd(b.state, b.session).ended).toBe(0);
    const c = interactiveLine(state, open(['grep', '-c', 'o']), 'foo');
    expect(c.output.stdout).toBe('');
    expect(interactiveEnd(c.state, c.session).output.stdout).toBe('1\n');
  });
  it('tee writes its file as it goes (truncating once; -a appends) and echoes each line', () => {
    const seeded = execInPod(state, 'default', 'box', 'main', ['sh', '-c', 'echo old > /data/t; echo old > /data/u'], '');
    if (!seeded.ok) throw new Error(seeded.reason);
    const s0 = seeded.state;
    const t = openInteractive(s0, inPod('box'), ['tee', '/data/t']);
    if (!t.ok) throw new Error(t.reason);
    const a = interactiveLine(s0, t.session, 'one');
    const b = interactiveLine(a.state, a.session, 'two');
    expect([a.output.stdout, b.output.stdout]).toEqual(['one\n', 'two\n']);
    const mid = execInPod(b.state, 'default', 'box', 'main', ['cat', '/data/t'], '');
    expect(mid.ok && mid.stdout).toBe('one\ntwo\n');
    const end = interactiveEnd(b.state, b.session);
    expect([end.output.stdout, end.ended]).toEqual(['', 0]);
    const u = openInteractive(s0, inPod('box'), ['tee', '-a', '/data/u']);
    if (!u.ok) throw new Error(u.reason);
    const c = interactiveLine(s0, u.session, 'new');
    const d = interactiveLine(c.state, c.session, 'newer');
    const after = execInPod(d.state, 'default', 'box', 'main', ['cat', '/data/u'], '');
    expect(after.ok && after.stdout).toBe('old\nnew\nnewer\n');
  });
  it('tee reports a file it cannot open once, goes on to stdout, and exits 1', () => {
    const t = openInteractive(state, inPod('box'), ['tee', '/nope/x']);
    if (!t.ok) throw new Error(t.reason);
    const a = interactiveLine(state, t.session, 'a');
    const b = interactiveLine(a.state, a.session, 'b');
    expect([a.output.stdout, a.output.stderr, b.output.stdout, b.output.stderr]).toEqual(['a\n', "tee: /nope/x: No such file or directory\n", 'b\n', '']);
    expect(interactiveEnd(b.state, b.session).ended).toBe(1);
  });
  it('Ctrl-C ends cat with 130 after what it printed', () => {
    const a = interactiveLine(state, open(['cat']), 'hi');
    expect(a.output.stdout).toBe('hi\n');
    expect(interactiveInterrupt(a.state, a.session).ended).toBe(130);
  });
});

describe('busybox has no bash', () => {
  const state = cluster();
  it('exec of bash in a busybox image fails as the runtime says; inside ash, bash is not found', () => {
    expect(openInteractive(state, inPod('box'), ['bash'])).toEqual({ ok: false, reason: 'executable-not-found', detail: 'bash' });
    const direct = execInPod(state, 'default', 'box', 'main', ['bash', '-c', 'echo hi'], '');
    expect(direct).toEqual({ ok: false, reason: 'executable-not-found', detail: 'bash' });
    const t = Terminal.open(state, inPod('box'), ['sh']).type('bash', 'echo $?');
    expect(t.screen).toBe('/ # bash\nsh: bash: not found\n/ # echo $?\n127\n/ # ');
  });
});

// A main process goes on from where it slept (main-process.ts, shell/continuation-capture.ts):
// what it reads at a wake is the world as it is then, its variables are as it left them, and its
// loops, conditions and `&&` chains pick up mid-way. Where the shell cannot say where it stopped
// (a pipeline, `$( )`, a function), it is replayed from its start as before.
import { describe, expect, it } from 'vitest';
import { runArgv, type ShellContext } from '../shell/interpreter.ts';
import { memoryFs } from '../shell/testing.ts';
import { FOLLOWED_SLEEPS, followMainProcess, RESUMED_SLEEPS, type Continuation, type FollowResult } from './main-process.ts';

type Files = ReturnType<typeof memoryFs>;

/** A process followed wake by wake as the kubelet does, its record passed through JSON each time (it lives in the cluster's state). */
class Process {
  log = '';
  result: FollowResult;
  runs = 0;
  constructor(
    private readonly script: string,
    readonly files: Files = memoryFs(),
    private readonly continuable = true,
  ) {
    this.result = this.follow(0);
  }

  private follow(now: number): FollowResult {
    const prev = this.result as (FollowResult & { running: true }) | undefined;
    const record = prev ? (JSON.parse(JSON.stringify({ sleeps: prev.sleeps, resume: prev.resume })) as { sleeps: number; resume?: Continuation }) : undefined;
    this.runs++;
    const r = followMainProcess({
      startedAt: 0,
      now,
      ...(record ? { completed: record.sleeps, ...(record.resume ? { resume: record.resume } : {}) } : {}),
      run: (attach, onOutput) => {
        const world = attach({ fs: this.files });
        const main = { stopsOn: [], waits: world.waits, ...(this.continuable ? { suspend: world.suspend } : {}) };
        const ctx: ShellContext = { fs: world.fs, env: { HOME: '/root' }, cwd: '/', hostname: 'p', lastCode: 0, main };
        if (world.resume) return world.resume(ctx, onOutput);
        return runArgv(['sh', '-c', this.script], ctx, '', onOutput);
      },
    });
    this.log += r.output;
    return r;
  }

  /** The clock moves to `now`: every wake on the way, as the kubelet's syncs. */
  to(now: number): this {
    for (;;) {
      const r = this.result;
      if (!r.running || r.wakeAt === undefined || r.wakeAt > now) return this;
      this.result = this.follow(now);
    }
  }
}

describe('a main process going on from where it slept', () => {
  it('sees a file made while it slept: an until loop ends at the next wake, then it sleeps on', () => {
    const p = new Process('until [ -f /tmp/go ]; do echo waiting; sleep 1; done; echo done; sleep 3600').to(3000);
    expect(p.log).toBe('waiting\n'.repeat(4));
    p.files.write('/tmp/go', '', false);
    p.to(3500);
    expect(p.log).toBe('waiting\n'.repeat(4));
    p.to(4000);
    expect(p.log).toBe(`${'waiting\n'.repeat(4)}done\n`);
    expect(p.result).toMatchObject({ running: true, wakeAt: 4000 + 3_600_000 });
  });

  it('keeps its counter: a loop ending on a file prints how far it counted, and ends then', () => {
    const p = new Process('i=0; while [ ! -f /tmp/stop ]; do i=$((i+1)); sleep 1; done; echo "stopped after $i"; exit 4').to(5500);
    p.files.write('/tmp/stop', '', false);
    p.to(60_000);
    expect(p.log).toBe('stopped after 6\n');
    expect(p.result).toMatchObject({ running: false, at: 6000, code: 4 });
  });

  it('counts 0..6 in 30 s with a sleep of 5, one wake a turn, each going on from the last', () => {
    const p = new Process('i=0; while true; do echo "$i"; i=$((i+1)); sleep 5; done');
    for (let t = 5000; t <= 30_000; t += 5000) p.to(t);
    expect(p.log).toBe('0\n1\n2\n3\n4\n5\n6\n');
    expect(p.runs).toBe(7);
    expect(p.result).toMatchObject({ running: true, sleeps: 6, wakeAt: 35_000 });
    // The continuation is the rest of the loop's turn, then the loop: it does not grow with the turns.
    const resume = (p.result as { resume: Continuation }).resume;
    expect(JSON.parse(JSON.stringify(resume))).toEqual(resume);
    const later = (p.to(300_000).result as { resume: Continuation }).resume;
    expect(later.rest).toEqual(resume.rest);
    expect(later.shell.vars).toEqual([['i', '61']]);
  });

  it('goes on with the words a for loop has left, and its break', () => {
    const p = new Process('for i in 1 2 3 4 5; do if [ -f /tmp/stop ]; then break; fi; echo "$i"; sleep 5; done; echo "end $i"').to(7000);
    p.files.write('/tmp/stop', '', false);
    p.to(60_000);
    expect(p.log).toBe('1\n2\nend 3\n');
    expect(p.result).toMatchObject({ running: false, at: 10_000, code: 0 });
  });

  it('resumes nested loops, with continue 2 reaching the outer one', () => {
    const p = new Process('for a in x y z; do for b in 1 2 3; do if [ -f /tmp/next ]; then rm /tmp/next; continue 2; fi; echo $a$b; sleep 5; done; done; echo fin').to(7000);
    p.files.write('/tmp/next', '', false);
    p.to(60_000);
    expect(p.log).toBe('x1\nx2\ny1\ny2\ny3\nz1\nz2\nz3\nfin\n');
    expect(p.result).toMatchObject({ running: false, at: 40_000 });
    expect(p.files.read('/tmp/next').ok).toBe(false);
  });

  it('goes on along an && chain with the status it has', () => {
    const p = new Process('[ -f /tmp/msg ] || { echo none && sleep 5 && cat /tmp/msg && echo ok; }; echo "status $?"; sleep 5 && false && echo no; echo "status $?"; ! sleep 5; echo "negated $?"').to(2000);
    p.files.write('/tmp/msg', 'hello\n', false);
    p.to(60_000);
    expect(p.log).toBe('none\nhello\nok\nstatus 0\nstatus 1\nnegated 1\n');
    expect(p.result).toMatchObject({ running: false, at: 15_000, code: 0 });
  });

  it('goes on in a condition: an if or a while that sleeps before deciding', () => {
    const p = new Process('if sleep 5 && [ -f /tmp/x ]; then echo yes; else echo no; fi; while sleep 5; do echo tick; [ -f /tmp/stop ] && break; done; echo out').to(2000);
    p.files.write('/tmp/x', '', false);
    p.to(12_000);
    p.files.write('/tmp/stop', '', false);
    p.to(60_000);
    expect(p.log).toBe('yes\ntick\ntick\nout\n');
    expect(p.result).toMatchObject({ running: false, at: 15_000 });
  });

  it('keeps its shell: variables, exports, cwd, functions, positional parameters, $? and set -e', () => {
    const p = new Process('set -e; cd /tmp; export E=1; f() { echo "f $1"; }; set -- a b; v=2; false || true; sleep 5; echo "$? $E $v $1 $# $(pwd)"; f x; env | grep "^E="; date +%s; false; echo notreached').to(60_000);
    expect(p.log).toBe('0 1 2 a 2 /tmp\nf x\nE=1\n5\n');
    expect(p.result).toMatchObject({ running: false, at: 5000, code: 1 });
    expect(p.runs).toBe(2);
  });

  it('is replayed from its start where the shell cannot say where it stopped: a pipeline, $( ), a function', () => {
    for (const script of ['while true; do sleep 5 | cat; echo x; done', 'while true; do v=$(sleep 5; echo x); echo $v; done', 'f() { sleep 5; }; while true; do f; echo x; done']) {
      const p = new Process(script).to(12_000);
      expect(p.log).toBe('x\nx\n');
      expect(p.result).toMatchObject({ running: true, sleeps: 2, wakeAt: 15_000 });
      expect(p.result).not.toHaveProperty('resume');
    }
  });

  it('is followed for RESUMED_SLEEPS sleeps, and only FOLLOWED_SLEEPS when only a replay can bring it back', () => {
    expect(RESUMED_SLEEPS).toBeGreaterThan(FOLLOWED_SLEEPS);
    const resumed = new Process('while true; do sleep 1; done').to(100_000_000);
    expect(resumed.result).toMatchObject({ running: true, sleeps: RESUMED_SLEEPS });
    expect(resumed.result).not.toHaveProperty('wakeAt');
    const replayed = new Process('while true; do sleep 1; done', memoryFs(), false).to(100_000_000);
    expect(replayed.result).toMatchObject({ running: true, sleeps: FOLLOWED_SLEEPS });
    expect(replayed.result).not.toHaveProperty('wakeAt');
  });
});

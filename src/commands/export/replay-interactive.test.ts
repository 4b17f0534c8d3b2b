// An interactive session typed in the browser terminal (`kubectl exec -it POD -- sh`, then lines)
// becomes, in run.sh, one kubectl exec that runs the same lines with no terminal: a real cluster
// ends in the same place, files written and exit status included.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/index.ts';
import { runScript } from '../script/run-script.ts';
import { replayLines, type SessionEntry } from './replay.ts';

const ctx = { kindNames: new Map<string, string>(), zoneNodes: new Map<string, readonly string[]>() };

describe('run.sh for an interactive session', () => {
  it("hands a shell's lines over as sh -c '…', quotes and exit status kept", () => {
    const history: SessionEntry[] = [
      { type: 'command', line: 'kubectl exec -it box -- sh' },
      { type: 'interactive', line: 'cd /data' },
      { type: 'interactive', line: "echo 'it''s' > x" },
      { type: 'interactive', line: 'exit 3' },
      { type: 'command', line: 'kubectl get pods' },
    ];
    const lines = replayLines(history, ctx);
    expect(lines).toEqual([
      '# typed at the prompt of: kubectl exec -it box -- sh',
      `kubectl exec box -- sh -c 'cd /data\necho '\\''it'\\'''\\''s'\\'' > x\nexit 3'`,
      'kubectl get pods',
    ]);
    // bash reads the quoting back to exactly the lines typed.
    const argv = execFileSync('bash', ['-c', `set -- ${lines[1]!.replace(/^kubectl exec box -- sh -c /, '')}; printf %s "$1"`]).toString();
    expect(argv).toBe("cd /data\necho 'it''s' > x\nexit 3");
  });

  it('runs in the simulator as the session did: the file is written and the status is 3', () => {
    const state = runScript('kubectl run box --image=busybox -- sleep 3600\n', { state: createCluster({ preset: 'kind', seed: 1 }), quiet: true, files: { read: () => undefined } }).state;
    const [, exec] = replayLines([{ type: 'command', line: 'kubectl exec -ti box -- /bin/sh' }, { type: 'interactive', line: 'echo hi > /tmp/x' }, { type: 'interactive', line: 'exit 3' }], ctx);
    const r = runScript(`${exec}\necho "status $?"\nkubectl exec box -- cat /tmp/x\n`, { state, quiet: true, files: { read: () => undefined } });
    expect(r.stdout).toBe('status 3\nhi\n');
  });

  it('drops what Ctrl-C threw away and stops at Ctrl-D; a program that is not a shell gets its lines on stdin', () => {
    const shell = replayLines(
      [
        { type: 'command', line: 'kubectl exec -it box -- sh' },
        { type: 'interactive', line: 'if true; then' },
        { type: 'interactive', line: '', key: 'interrupt' },
        { type: 'interactive', line: 'ls' },
        { type: 'interactive', line: '', key: 'eof' },
      ],
      ctx,
    );
    expect(shell[1]).toBe("kubectl exec box -- sh -c 'ls'");
    const cat = replayLines([{ type: 'command', line: 'kubectl exec -it box -- cat' }, { type: 'interactive', line: 'hello' }], ctx);
    expect(cat.slice(1)).toEqual(["kubectl exec -i box -- cat <<'EOF'", 'hello', 'EOF']);
  });

  it('a command run meanwhile (the canvas deleting the pod) ends the exec; later lines stay comments', () => {
    const lines = replayLines(
      [
        { type: 'command', line: 'kubectl exec -it box -- sh' },
        { type: 'interactive', line: 'ls' },
        { type: 'command', line: 'kubectl exec box -c box -- kill 1' },
        { type: 'interactive', line: 'pwd' },
      ],
      ctx,
    );
    expect(lines.slice(1)).toEqual(["kubectl exec box -- sh -c 'ls'", 'kubectl exec box -c box -- kill 1', '#   typed in the shell opened above: pwd']);
  });

  it("docker's sessions ran on the simulated Docker host: the opener and its lines stay comments", () => {
    const lines = replayLines([{ type: 'command', line: 'docker run -it busybox sh' }, { type: 'interactive', line: 'ls /' }], ctx);
    expect(lines[0]).toBe('# docker run -it busybox sh');
    expect(lines.at(-1)).toBe('#   typed in it: ls /');
    expect(lines.every((l) => l.startsWith('#'))).toBe(true);
  });
});

// ls at a terminal (`kubectl exec -it POD -- sh`, then `ls`) prints names in columns, as -C does:
// GNU (Debian images) sizes each column to its widest name and pads with tabs where it can,
// busybox gives every column the widest name's width and pads with spaces. Piped, redirected,
// captured by $( ), with -1, or without a terminal (a one-off exec), one name a line.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index.ts';
import { applyManifest } from '../write.ts';
import { openInteractive, interactiveLine, type InteractiveSession } from '../containers/interactive.ts';
import type { ClusterState } from '../cluster/state.ts';

const POD = (name: string, image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: ${image}
    command: ["sh", "-c", "sleep 3600"]
`;

const NAMES = ['a', 'bb', 'ccc', 'dddddddddddddddddddd', 'eeeeeeeeeeeee', 'ffffffffffffffff', 'gggggggggggggggggggg', 'hhhhhhhhhhh', 'iiiiiiiiiiiiiiii', 'password.txt', 'username.txt'];

/** Opens a shell at a terminal in the pod, makes the files, and returns a function typing one line. */
function shell(pod: string, image: string, argv: string[]) {
  let state: ClusterState = applyManifest(createCluster({ preset: 'bare' }), POD(pod, image), { mode: 'apply' }).state;
  const opened = openInteractive(state, { kind: 'pod', namespace: 'default', pod, container: 'c' }, argv);
  if (!opened.ok) throw new Error(opened.reason);
  let session: InteractiveSession = opened.session;
  const type = (line: string) => {
    const step = interactiveLine(state, session, line);
    state = step.state;
    session = step.session;
    return step.output.stdout;
  };
  type(`mkdir /t && cd /t && touch ${NAMES.join(' ')}`);
  return type;
}

describe('ls at a terminal', () => {
  it('GNU ls (Debian): columns sized to their names, tabs where they reach a tab stop — what coreutils 9.1 prints at 80 columns', () => {
    const type = shell('deb', 'nginx', ['bash']);
    expect(type('ls')).toBe(
      'a    dddddddddddddddddddd  gggggggggggggggggggg  password.txt\n' +
        'bb   eeeeeeeeeeeee\t   hhhhhhhhhhh\t\t username.txt\n' +
        'ccc  ffffffffffffffff\t   iiiiiiiiiiiiiiii\n',
    );
    expect(type('ls password.txt username.txt')).toBe('password.txt  username.txt\n');
    // A line of 79 fits in 80 columns, one of 80 does not (coreutils 9.1).
    expect(type(`cd /tmp && touch ${'a'.repeat(39)} ${'b'.repeat(38)} && ls`)).toBe(`${'a'.repeat(39)}  ${'b'.repeat(38)}\n`);
    expect(type(`touch ${'b'.repeat(39)} && rm ${'b'.repeat(38)} && ls`)).toBe(`${'a'.repeat(39)}\n${'b'.repeat(39)}\n`);
  });

  it('busybox ls: every column as wide as the widest name, spaces only', () => {
    const type = shell('bb', 'busybox', ['sh']);
    expect(type('ls')).toBe(
      'a                     eeeeeeeeeeeee         iiiiiiiiiiiiiiii\n' +
        'bb                    ffffffffffffffff      password.txt\n' +
        'ccc                   gggggggggggggggggggg  username.txt\n' +
        'dddddddddddddddddddd  hhhhhhhhhhh\n',
    );
  });

  it('one a line when stdout is not the terminal, or with -1', () => {
    const type = shell('bb2', 'busybox', ['sh']);
    const oneALine = `${NAMES.join('\n')}\n`;
    expect(type('ls -1')).toBe(oneALine);
    expect(type('ls | cat')).toBe(oneALine);
    expect(type('echo "$(ls)"')).toBe(oneALine);
    expect(type('ls > /tmp/list; cat /tmp/list')).toBe(oneALine);
    expect(type('ls 2>&1')).toContain('password.txt\n');
    expect(type('ls 2>&1').split('\n').length).toBe(5);
  });
});

// Debian-based images have GNU coreutils, not busybox: the same failures, other words. The
// container's tools word errors as busybox does; for a Debian image each line is reworded as
// coreutils 9 prints it in the C locale (`cat: /x: No such file or directory`,
// `ls: cannot access '/x': …`, `head: cannot open '/x' for reading: …`).

const REWRITES: [RegExp, string][] = [
  [/^cat: can't open '(.*)': (.*)$/, "cat: $1: $2"],
  [/^cat: read error: (.*)$/, 'cat: -: $1'],
  [/^(head|tail): can't open '(.*)': (.*)$/, "$1: cannot open '$2' for reading: $3"],
  [/^(wc|base64|cut|uniq|grep): can't open '(.*)': (.*)$/, '$1: $2: $3'],
  [/^sort: can't open '(.*)': (.*)$/, 'sort: cannot read: $1: $2'],
  [/^ls: (.*): No such file or directory$/, "ls: cannot access '$1': No such file or directory"],
  [/^mkdir: can't create directory '(.*)': (.*)$/, "mkdir: cannot create directory '$1': $2"],
  [/^rm: can't remove '(.*)': (.*)$/, "rm: cannot remove '$1': $2"],
  [/^rm: '(.*)' is a directory$/, "rm: cannot remove '$1': Is a directory"],
  [/^touch: (.*): (.*)$/, "touch: cannot touch '$1': $2"],
  [/^(cp|mv): can't stat '(.*)': (.*)$/, "$1: cannot stat '$2': $3"],
  [/^cp: omitting directory '(.*)'$/, "cp: -r not specified; omitting directory '$1'"],
  [/^(cp|mv): can't create '(.*)': (.*)$/, "$1: cannot create regular file '$2': $3"],
  [/^du: can't open '(.*)': (.*)$/, "du: cannot access '$1': $2"],
  [/^dd: can't open '(.*)': (.*)$/, "dd: failed to open '$1': $2"],
  [/^ln: (.*): (.*)$/, "ln: failed to create symbolic link '$1': $2"],
  // GNU tar (shell/tar.ts words busybox tar's).
  [/^tar: removing leading '\/' from member names$/, "tar: Removing leading `/' from member names"],
  [/^tar: (.*): No such file or directory$/, 'tar: $1: Cannot stat: No such file or directory'],
  [/^tar: error exit delayed from previous errors$/, 'tar: Exiting with failure status due to previous errors'],
];

/** A busybox tool's stderr as GNU coreutils words it; lines it does not know stay as they are. */
export function coreutilsWording(stderr: string): string {
  if (!stderr) return stderr;
  return stderr
    .split('\n')
    .map((line) => {
      for (const [re, to] of REWRITES) if (re.test(line)) return line.replace(re, to);
      return line;
    })
    .join('\n');
}

// The editor's text is a file of the terminal's shell: its tab says `manifest.yaml`, so
// `kubectl apply -f manifest.yaml`, `cat manifest.yaml` or `cp manifest.yaml pod.yaml` in the
// home directory read what the editor shows. Before each line the editor saves its text there (as
// an editor that saves on every change would); a line that writes the file (`cat > manifest.yaml`,
// `kubectl get pod x -o yaml > manifest.yaml`) changes the editor's text, as the same file open
// in an editor would. Removing it removes it for the rest of that line only: the editor still has
// the text, and saves it again before the next line.
//
// For replays (the timeline, share links) a line that read the file records the text it found
// (UserAction `file`), and the replay puts that text there first: the line reads what it read.
import type { HostSession } from '../commands/shell/host-shell.ts';
import { HOST_CWD } from '../commands/shell/host-fs.ts';

/** Where the editor's text is, as the tab names it. */
export const EDITOR_FILE = `${HOST_CWD}/manifest.yaml`;

export interface EditorFileUse {
  /** The line read the file (kubectl -f, cat, cp, a test of it): its outcome depends on the text. */
  read: boolean;
  /** The file's text after the line, when the line changed it. */
  written?: string;
}

/** Runs `run` with `text` as the session's manifest.yaml, and says what the line did with it. */
export function withEditorFile<T>(session: HostSession, text: string, run: () => T): { result: T; use: EditorFileUse } {
  const { files } = session;
  files.write(EDITOR_FILE, text, false);
  let read = false;
  const before = files.onRead;
  files.onRead = (abs) => {
    if (abs === EDITOR_FILE) read = true;
  };
  try {
    const result = run();
    const used = read;
    const after = files.read(EDITOR_FILE);
    const written = after.ok && after.value !== text ? after.value : undefined;
    return { result, use: { read: used, ...(written !== undefined ? { written } : {}) } };
  } finally {
    files.onRead = before;
  }
}

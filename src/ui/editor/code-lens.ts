// Per-document actions in the editor: above each document a code lens reads "▶ Apply | ✕ Delete |
// Pod example-pod", and Ctrl/Cmd+Shift+Enter applies the document under the cursor. Each runs
// the store's applyDocument / deleteDocument with the engine's document index (kubectl apply -f
// or delete -f of that one document); the results land in the usual apply-results area.
//
// Monaco re-asks for lenses after every edit, and the engine's parser (run in a worker by
// document-analysis.ts, so a huge paste never blocks typing) is what the store will apply, so a
// lens always points at the document it is drawn above.
import { appStore } from '../../store/index.ts';
import { analyzeText } from './document-analysis.ts';
import { documentAtLine } from './document-lines.ts';
import type { monaco as Monaco } from './monaco-setup.ts';

type MonacoApi = typeof Monaco;
type Editor = Monaco.editor.IStandaloneCodeEditor;

/** More documents than this get no lenses (Apply and the toolbar still work on all of them). */
export const MAX_LENSES = 500;

const APPLY_COMMAND = 'playground.applyDocument';
const DELETE_COMMAND = 'playground.deleteDocument';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** The Apply-this-document shortcut as the learner reads it (lens tooltip, context menu). */
export const APPLY_DOCUMENT_KEYS = isMac ? '⌘⇧↵' : 'Ctrl+Shift+Enter';

/** Registers the lenses, their commands and the keyboard action for `editor`; dispose to remove all. */
export function installDocumentActions(monaco: MonacoApi, editor: Editor): Monaco.IDisposable {
  const model = editor.getModel();
  if (!model) throw new Error('installDocumentActions: the editor has no model');
  const ownModel = (m: Monaco.editor.ITextModel) => m.uri.toString() === model.uri.toString();

  const disposables: Monaco.IDisposable[] = [
    monaco.editor.registerCommand(APPLY_COMMAND, (_accessor, index: number) => appStore.getState().applyDocument(index)),
    monaco.editor.registerCommand(DELETE_COMMAND, (_accessor, index: number) => appStore.getState().deleteDocument(index)),

    monaco.languages.registerCodeLensProvider('yaml', {
      async provideCodeLenses(m) {
        if (!ownModel(m)) return { lenses: [], dispose() {} };
        // An object open for `kubectl edit` is saved with the edit bar, not applied document by document.
        if (appStore.getState().editorTextAside !== null) return { lenses: [], dispose() {} };
        const analysis = await analyzeText(m.getValue());
        // Thousands of lenses would cost Monaco more than the learner gains: past MAX_LENSES, none.
        const documents = analysis && analysis.documents.length <= MAX_LENSES ? analysis.documents : [];
        const lenses = documents.flatMap((doc): Monaco.languages.CodeLens[] => {
          const lens = { ...doc, line: doc.lensLine };
          const range = { startLineNumber: lens.line, startColumn: 1, endLineNumber: lens.line, endColumn: 1 };
          if (lens.problem) return [{ range, command: { id: '', title: `⚠ ${lens.problem}`, tooltip: 'Only a document that reads as a Kubernetes object can be applied on its own' } }];
          return [
            { range, command: { id: APPLY_COMMAND, title: '▶ Apply', tooltip: `kubectl apply -f, this document only (${APPLY_DOCUMENT_KEYS} with the cursor in it)`, arguments: [lens.index] } },
            { range, command: { id: DELETE_COMMAND, title: '✕ Delete', tooltip: 'kubectl delete -f, this document only', arguments: [lens.index] } },
            { range, command: { id: '', title: lens.label!, tooltip: `Document ${lens.index + 1}` } },
          ];
        });
        return { lenses, dispose() {} };
      },
    }),

    editor.addAction({
      id: 'playground.applyDocumentAtCursor',
      label: 'Apply this document (kubectl apply -f)',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter],
      contextMenuGroupId: '1_playground',
      contextMenuOrder: 1,
      run: (ed) => runAtCursor(ed, (index) => appStore.getState().applyDocument(index)),
    }),
    editor.addAction({
      id: 'playground.deleteDocumentAtCursor',
      label: 'Delete what this document names (kubectl delete -f)',
      contextMenuGroupId: '1_playground',
      contextMenuOrder: 2,
      run: (ed) => runAtCursor(ed, (index) => appStore.getState().deleteDocument(index)),
    }),
  ];
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}

/** Runs `action` on the document under the cursor; nothing happens in an empty document. */
async function runAtCursor(ed: Monaco.editor.ICodeEditor, action: (index: number) => void): Promise<void> {
  const m = ed.getModel();
  const line = ed.getPosition()?.lineNumber;
  if (!m || line === undefined) return;
  const text = m.getValue();
  const analysis = await analyzeText(text);
  const doc = analysis && documentAtLine(analysis.documents, text.split('\n'), line);
  if (doc) action(doc.index);
}

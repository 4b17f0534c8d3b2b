// Monaco bound to the store: typing updates the editor text, outside changes (the test hook, a
// future lesson) update the model, Ctrl/Cmd+Enter applies, and the last apply's problems become
// markers. Each document gets Apply/Delete code lenses (Ctrl/Cmd+Shift+Enter applies the one
// under the cursor), and manifest templates complete at the start of a line. Loaded lazily by
// EditorPane; default export for React.lazy.
import { useEffect, useRef } from 'react';
import { appStore, selectProblems } from '../../store/index.ts';
import { useResolvedTheme } from '../app/useResolvedTheme.ts';
import { installDocumentActions } from './code-lens.ts';
import { editorMounted } from './document-analysis.ts';
import { registerInsert, registerReveal } from './editor-bridge.ts';
import { installLargePaste } from './large-paste.ts';
import { markersFor } from './markers.ts';
import { MODEL_URI, monaco, THEME_DARK, THEME_LIGHT } from './monaco-setup.ts';
import { insertSnippetAsLastDocument, installSnippetCompletions } from './snippet-completions.ts';

const MARKER_OWNER = 'kubectl-apply';
const MAX_MARKERS = 1_000;
/** Texts longer than this are not wrapped, and have no sticky scroll or folding (see fitWrapping). */
const WRAP_LIMIT_CHARS = 300_000;
/** In a text longer than WRAP_LIMIT_CHARS, lines longer than this are not tokenized (coloured). */
const TOKENIZE_LINE_CHARS = 400;

export default function YamlEditor() {
  const host = useRef<HTMLDivElement>(null);
  const theme = useResolvedTheme();

  useEffect(() => {
    const model = monaco.editor.getModel(MODEL_URI) ?? monaco.editor.createModel(appStore.getState().editorText, 'yaml', MODEL_URI);
    if (model.getValue() !== appStore.getState().editorText) model.setValue(appStore.getState().editorText);
    const editor = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      fontSize: 14,
      lineHeight: 21,
      fontFamily: 'ui-monospace, "SF Mono", SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace',
      tabSize: 2,
      insertSpaces: true,
      minimap: { enabled: false },
      wordWrap: 'on',
      wrappingIndent: 'indent',
      overviewRulerBorder: false,
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10, useShadows: false },
      scrollBeyondLastLine: false,
      renderLineHighlight: 'line',
      padding: { top: 10, bottom: 10 },
      quickSuggestions: { other: true, comments: false, strings: true },
      fixedOverflowWidgets: true,
      ariaLabel: 'Kubernetes manifest (YAML). Press Control+Enter to apply, Control+Shift+Enter to apply the document under the cursor.',
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => appStore.getState().applyEditor());
    editorMounted(); // the document analysis may start its worker now
    const documentActions = installDocumentActions(monaco, editor);
    const snippetCompletions = installSnippetCompletions(monaco, editor);
    registerInsert((snippet) => insertSnippetAsLastDocument(editor, snippet));

    // Wrapping a multi-megabyte text is laid out again on every resize and edit, on the page's
    // thread (about a second for 5 MB), and sticky scroll and folding rebuild a model of every
    // document's outline from monaco-yaml's symbols (a second for 10,000 documents): a huge text
    // is shown without them.
    // Monaco's tokenizer also takes up to 100 ms on one long line of such a text (a 1,000-character
    // quoted value): past TOKENIZE_LINE_CHARS a line of a huge text is shown without colours.
    let wrapped = true;
    const fitWrapping = (length = model.getValueLength()) => {
      const wrap = length <= WRAP_LIMIT_CHARS;
      // Bracket pair colours and guides parse the whole text into a bracket tree on the page's
      // thread (70 ms and more per render for 10,000 documents); a huge text goes without.
      if (wrap !== wrapped) {
        editor.updateOptions({
          wordWrap: wrap ? 'on' : 'off',
          stickyScroll: { enabled: wrap },
          folding: wrap,
          maxTokenizationLineLength: wrap ? 20_000 : TOKENIZE_LINE_CHARS,
          bracketPairColorization: { enabled: wrap },
          guides: { bracketPairs: false, indentation: wrap },
          matchBrackets: wrap ? 'always' : 'never',
          occurrencesHighlight: wrap ? 'singleFile' : 'off',
        });
      }
      wrapped = wrap;
    };
    fitWrapping();
    // A paste of megabytes goes in slices (large-paste.ts); the store hears of it once, at the end.
    const paste = installLargePaste(editor, {
      onStart: (length) => fitWrapping(length),
      onEnd: () => {
        fitWrapping();
        appStore.getState().setEditorText(model.getValue());
      },
      later: (fn) => setTimeout(fn, 0),
    });
    const typed = model.onDidChangeContent(() => {
      if (paste.busy()) return;
      fitWrapping();
      appStore.getState().setEditorText(model.getValue());
    });
    // The first MAX_MARKERS problems: Monaco lays out every marker on the page's thread.
    const showMarkers = () => monaco.editor.setModelMarkers(model, MARKER_OWNER, markersFor(selectProblems(appStore.getState()).slice(0, MAX_MARKERS), model));
    showMarkers();
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.editorText !== prev.editorText && s.editorText !== model.getValue()) {
        // An edit rather than setValue, so Ctrl+Z can undo text that came from outside; its own
        // undo step (stack elements around it), or Monaco merges it with the edits before it.
        fitWrapping(s.editorText.length); // before the edit: Monaco wraps the new lines as it takes them
        model.pushStackElement();
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: s.editorText }], () => null);
        model.pushStackElement();
      }
      if (s.lastApply !== prev.lastApply) showMarkers();
    });
    registerReveal((line, column) => {
      editor.revealLineInCenterIfOutsideViewport(line);
      editor.setPosition({ lineNumber: line, column });
      editor.focus();
    });
    if (window.__playground) {
      window.__playground.editorReady = true;
      window.__playground.getMarkers = () =>
        monaco.editor.getModelMarkers({ resource: MODEL_URI }).map((m) => ({ owner: m.owner, line: m.startLineNumber, column: m.startColumn, severity: m.severity, message: m.message }));
    }

    return () => {
      registerReveal(null);
      registerInsert(null);
      documentActions.dispose();
      snippetCompletions.dispose();
      unsubscribe();
      paste.dispose();
      typed.dispose();
      editor.dispose();
      model.dispose();
      if (window.__playground) window.__playground.editorReady = false;
    };
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? THEME_DARK : THEME_LIGHT);
  }, [theme]);

  return <div ref={host} className="h-full w-full" data-testid="monaco-host" />;
}

// The manifest templates (snippets.ts) inside Monaco: offered as completions when a word is typed
// at the start of a line (`pvc`, `pv`, `sc`, `pod`, …), next to monaco-yaml's schema completions,
// and inserted as a new last document by the toolbar's Insert menu. When the line sits inside a
// document that already has content, `---` is added around the template so each object stays in
// its own document.
import { analysisIfCurrent, analyzeText } from './document-analysis.ts';

/** How long completions wait for the document analysis before offering templates without `---`. */
const ANALYSIS_WAIT_MS = 400;
import { separatorsAround } from './document-lines.ts';
import type { monaco as Monaco } from './monaco-setup.ts';
import { expandSnippet, SNIPPETS, type ManifestSnippet } from './snippets.ts';

type MonacoApi = typeof Monaco;
type Editor = Monaco.editor.IStandaloneCodeEditor;

/** A word, alone and unindented on its line, up to the cursor: the only place a whole manifest fits. */
const START_OF_LINE_WORD = /^[a-z]*$/i;

/** Registers the snippet completions for `editor`'s model; dispose to remove. */
export function installSnippetCompletions(monaco: MonacoApi, editor: Editor): Monaco.IDisposable {
  const own = editor.getModel()!.uri.toString();
  return monaco.languages.registerCompletionItemProvider('yaml', {
    async provideCompletionItems(model, position) {
      if (model.uri.toString() !== own) return { suggestions: [] };
      const line = model.getLineContent(position.lineNumber);
      if (!START_OF_LINE_WORD.test(line)) return { suggestions: [] };
      const text = model.getValue();
      // The worker's analysis of this very text: it is never parsed here on the main thread, where
      // a huge paste or a YAML bomb would freeze typing. Completions wait for it a moment at most.
      const analysis = analysisIfCurrent(text) ?? (await Promise.race([analyzeText(text), new Promise<null>((r) => setTimeout(() => r(null), ANALYSIS_WAIT_MS))]));
      const around = analysis ? separatorsAround(analysis.documents, text.split('\n'), position.lineNumber) : { before: false, after: false };
      const range = { startLineNumber: position.lineNumber, startColumn: 1, endLineNumber: position.lineNumber, endColumn: line.length + 1 };
      return {
        suggestions: SNIPPETS.map((s) => ({
          label: { label: s.prefix, description: s.kind },
          kind: monaco.languages.CompletionItemKind.Snippet,
          detail: `${s.kind} (template)`,
          documentation: { value: `${s.description}\n\n\`\`\`yaml\n${expandSnippet(s.body)}\`\`\`` },
          insertText: withSeparators(s.body, around),
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          range,
          // Ahead of the schema's field names when both match what was typed.
          sortText: `!${s.prefix}`,
        })),
      };
    },
  });
}

function withSeparators(body: string, around: { before: boolean; after: boolean }): string {
  let out = body;
  if (around.before) out = `---\n${out}`;
  // The body ends on an empty line holding the final cursor ($0): close the document there.
  if (around.after) out = `${out.replace(/\n\$0$/, '')}\n---$0`;
  return out;
}

interface SnippetController {
  insert(template: string): void;
}

/**
 * The Insert menu's action: `snippet` as a new last document, with its tab stops live (Tab walks
 * through the values), scrolled into view and focused.
 */
export function insertSnippetAsLastDocument(editor: Editor, snippet: ManifestSnippet): void {
  const model = editor.getModel();
  if (!model) return;
  const text = model.getValue();
  const empty = !text.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const lastLine = model.getLineCount();
  const end = { lineNumber: lastLine, column: model.getLineMaxColumn(lastLine) };
  const lead = empty ? (text === '' || text.endsWith('\n') ? '' : '\n') : `${text.endsWith('\n') ? '' : '\n'}---\n`;
  editor.focus();
  editor.setSelection({ startLineNumber: end.lineNumber, startColumn: end.column, endLineNumber: end.lineNumber, endColumn: end.column });
  editor.getContribution<Monaco.editor.IEditorContribution & SnippetController>('snippetController2')?.insert(lead + snippet.body);
  editor.revealLineInCenterIfOutsideViewport(editor.getPosition()?.lineNumber ?? lastLine);
}

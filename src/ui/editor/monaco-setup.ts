// Monaco, trimmed to what a YAML editor needs (the editor core, its standard contributions and
// the YAML grammar), with monaco-yaml validating, completing and explaining fields from the
// bundled Kubernetes schema. Imported only by YamlEditor, which is loaded lazily: none of this
// is in the first download.
import 'monaco-editor/esm/vs/editor/editor.all.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import schema from '../../engine/manifest/schema/kubernetes.schema.json';
import YamlWorker from './yaml.worker.ts?worker';

/** The editor's one model; the schema is matched to it by this URI. */
export const MODEL_URI = monaco.Uri.parse('file:///playground/manifest.yaml');

window.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  isKubernetes: true,
  completion: true,
  hover: true,
  validate: true,
  schemas: [
    {
      uri: 'inmemory://schemas/kubernetes.json',
      fileMatch: [MODEL_URI.toString()],
      schema: schema as never,
    },
  ],
});

// Monaco's own themes, with the app's surface colours so the editor sits flush in its pane.
export const THEME_LIGHT = 'playground-light';
export const THEME_DARK = 'playground-dark';
monaco.editor.defineTheme(THEME_LIGHT, {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editor.lineHighlightBackground': '#f1f5f9', 'editor.lineHighlightBorder': '#00000000', 'editorLineNumber.foreground': '#94a3b8', 'editorLineNumber.activeForeground': '#334155', 'editorIndentGuide.background1': '#e2e8f0' },
});
monaco.editor.defineTheme(THEME_DARK, {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#0f172a', 'editor.lineHighlightBackground': '#1e293b', 'editor.lineHighlightBorder': '#00000000', 'editorLineNumber.foreground': '#475569', 'editorLineNumber.activeForeground': '#cbd5e1', 'editorIndentGuide.background1': '#1e293b', 'editorGutter.background': '#0f172a' },
});

export { monaco };

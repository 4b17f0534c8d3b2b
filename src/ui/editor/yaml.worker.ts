// The YAML language worker in a module of our own: under Vite, monaco-yaml's worker must be
// imported from a local file (see monaco-yaml's README, "Why doesn't it work with Vite?").
import 'monaco-yaml/yaml.worker.js';

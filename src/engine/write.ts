// The engine's write path for manifests: text or code-built objects through typed decoding (and
// its schema validator), then the API layer's write door. A separate entry from index.ts, so the
// page's first screen, which only reads the engine, never loads the validator.
export { applyManifest, createObjectFromManifest } from './manifest/apply-manifest.ts';
export { applyDocuments } from './manifest/apply-documents.ts';
export { writeSummary } from './manifest/write-summary.ts';
export type { ApplyOptions, DocumentError, DocumentResult } from './manifest/apply-documents.ts';
export type { FieldValidation } from './manifest/decode.ts';

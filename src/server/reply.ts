// What a handler answers: a status code, a JSON body, and extra headers (warnings, content type).
export interface Reply {
  code: number;
  body: unknown;
  headers?: Record<string, string | string[]>;
}

/** Warnings ride in `Warning: 299 - "text"` headers; kubectl prints each as `Warning: text`. */
export function warningHeaders(warnings: readonly string[]): Record<string, string[]> | undefined {
  return warnings.length > 0 ? { Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`) } : undefined;
}

/** A Status as the reply, with its own code. */
export function statusReply(status: { code: number }): Reply {
  return { code: status.code, body: status };
}

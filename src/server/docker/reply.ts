// A handler's answer: JSON (the default), or raw bytes with their content type (streams of JSON
// messages, multiplexed logs, tar archives); 204 and 304 carry nothing.
export interface DockerReply {
  code: number;
  body?: unknown;
  raw?: Buffer | string;
  contentType?: string;
  headers?: Record<string, string>;
}

export const json = (code: number, body: unknown): DockerReply => ({ code, body });
export const noContent: DockerReply = { code: 204 };

/** JSON messages, one a line, as `/images/create` and `/build` stream them. */
export function jsonMessages(messages: readonly unknown[]): DockerReply {
  return { code: 200, raw: messages.map((m) => JSON.stringify(m) + '\r\n').join(''), contentType: 'application/json' };
}

export interface DockerRequest {
  method: string;
  /** The path without its `/v1.NN` prefix. */
  path: string;
  query: URLSearchParams;
  body: Buffer;
}

/** Docker's boolean query values: `1`, `true`, `True`. */
export function queryBool(query: URLSearchParams, name: string): boolean {
  const v = query.get(name);
  return v !== null && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

export function bodyJson(req: DockerRequest): Record<string, unknown> {
  if (req.body.length === 0) return {};
  const parsed = JSON.parse(req.body.toString('utf8')) as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

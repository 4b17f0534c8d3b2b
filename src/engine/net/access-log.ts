// The line a server logs for each request, where `kubectl logs` shows it: nginx's image logs its
// access log to stdout in its `main` format (nginx.conf of the official image), Python's
// http.server writes `log_message` lines to stderr; Apache's image logs the common format to
// stdout; busybox httpd logs nothing without -v.
import type { ServerKind } from './web-servers.ts';

export interface AccessEntry {
  client: string;
  method: string;
  target: string;
  status: number;
  /** The status line's reason, which Python also logs for an error. */
  reason: string;
  bytes: number;
  agent: string;
  now: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** `01/Jan/2026:00:00:00 +0000` (nginx $time_local, Apache %t in UTC); Python drops the zone and uses a space. */
function logTime(ms: number, python: boolean): string {
  const d = new Date(ms);
  const date = `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}`;
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return python ? `${date} ${time}` : `${date}:${time} +0000`;
}

export function accessLogLine(kind: ServerKind, e: AccessEntry): string | undefined {
  const request = `${e.method} ${e.target} HTTP/1.1`;
  switch (kind) {
    case 'nginx':
      return `${e.client} - - [${logTime(e.now, false)}] "${request}" ${e.status} ${e.bytes} "-" "${e.agent}" "-"\n`;
    case 'apache':
      return `${e.client} - - [${logTime(e.now, false)}] "${request}" ${e.status} ${e.bytes || '-'}\n`;
    case 'python':
      // log_request: the size is `-` (BaseHTTPRequestHandler passes none).
      // send_error logs the error first (log_error), then the request.
      return `${e.status >= 400 ? `${e.client} - - [${logTime(e.now, true)}] code ${e.status}, message ${e.reason}\n` : ''}${e.client} - - [${logTime(e.now, true)}] "${request}" ${e.status} -\n`;
    case 'busybox':
      return undefined;
  }
}

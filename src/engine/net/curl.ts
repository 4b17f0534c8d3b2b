// curl as Debian bookworm ships it (7.88.1, in the nginx and python images and on most hosts):
// the body on stdout, `-i`/`-I` headers as received (CRLF), `-o`/`-O` to a file, `-s`/`-S`,
// `-f` (exit 22), `-L`, `-w '%{http_code}'`, `-v`, and its errors in its words, from lib/url.c,
// lib/connect.c and lib/strerror.c of that release: `curl: (6) Could not resolve host: web`,
// `curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server`. With
// stdout a terminal (the learner's, as kubesim assumes) curl shows no progress meter; writing to
// a file it would, and that is left out.
import type { CommandIO } from '../shell/commands.ts';
import type { ShellResult } from '../shell/interpreter.ts';
import { fsMessage } from '../shell/messages.ts';
import { follow, send, type NetAccess } from './client.ts';
import { parseUrl, type HttpOutcome, type ParsedUrl } from './http.ts';
import type { HttpResponse } from './responses.ts';

export const CURL_VERSION = '7.88.1';

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  fail: boolean;
  location: boolean;
  head: boolean;
  include: boolean;
  verbose: boolean;
  output?: string;
  remoteName: boolean;
  writeOut?: string;
  method?: string;
  connectTimeout?: number;
  urls: string[];
}

const WITH_VALUE: Record<string, keyof CurlOptions | 'ignore'> = {
  o: 'output', w: 'writeOut', X: 'method', m: 'connectTimeout', H: 'ignore', A: 'ignore', d: 'method', e: 'ignore', u: 'ignore', b: 'ignore', c: 'ignore', r: 'ignore', T: 'ignore', x: 'ignore',
  '--output': 'output', '--write-out': 'writeOut', '--request': 'method', '--max-time': 'connectTimeout', '--header': 'ignore', '--user-agent': 'ignore', '--data': 'method', '--data-raw': 'method',
  '--referer': 'ignore', '--user': 'ignore', '--retry': 'ignore', '--retry-delay': 'ignore', '--max-redirs': 'ignore', '--connect-timeout': 'connectTimeout', '--resolve': 'ignore', '--cacert': 'ignore',
};
const SWITCHES: Record<string, keyof CurlOptions | 'ignore'> = {
  s: 'silent', S: 'showError', f: 'fail', L: 'location', I: 'head', i: 'include', v: 'verbose', O: 'remoteName', k: 'ignore', N: 'ignore', '4': 'ignore', '#': 'ignore', q: 'ignore',
  '--silent': 'silent', '--show-error': 'showError', '--fail': 'fail', '--location': 'location', '--head': 'head', '--include': 'include', '--verbose': 'verbose', '--remote-name': 'remoteName',
  '--insecure': 'ignore', '--no-buffer': 'ignore', '--ipv4': 'ignore', '--compressed': 'ignore', '--progress-bar': 'ignore', '--fail-with-body': 'fail',
};

type Parsed = { ok: true; opts: CurlOptions } | { ok: false; result: ShellResult };

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const usage = (stderr: string, code: number): Parsed => ({ ok: false, result: { stdout: '', stderr, code } });

function setValue(opts: CurlOptions, key: keyof CurlOptions | 'ignore', value: string, name: string): void {
  if (key === 'ignore') return;
  if (key === 'connectTimeout') opts.connectTimeout = Math.min(opts.connectTimeout ?? Infinity, Number(value));
  // -d sends a POST.
  else if (key === 'method') opts.method = name === 'd' || name.startsWith('--data') ? (opts.method ?? 'POST') : value;
  else (opts as unknown as Record<string, string>)[key] = value;
}

function parseArgs(args: string[]): Parsed {
  const opts: CurlOptions = { silent: false, showError: false, fail: false, location: false, head: false, include: false, verbose: false, remoteName: false, urls: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (name in WITH_VALUE) {
        const value = inline ?? args[++i];
        if (value === undefined) return usage(`curl: option ${name}: requires parameter\n${TRY}`, 2);
        setValue(opts, WITH_VALUE[name]!, value, name);
      } else if (name in SWITCHES) {
        const key = SWITCHES[name]!;
        if (key !== 'ignore') (opts as unknown as Record<string, boolean>)[key] = true;
      } else if (name === '--url' && args[i + 1] !== undefined) opts.urls.push(args[++i]!);
      else return usage(`curl: option ${a}: is unknown\n${TRY}`, 2);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (f in WITH_VALUE) {
          const value = a.slice(j + 1) || args[++i];
          if (value === undefined) return usage(`curl: option -${f}: requires parameter\n${TRY}`, 2);
          setValue(opts, WITH_VALUE[f]!, value, f);
          break;
        }
        if (!(f in SWITCHES)) return usage(`curl: option ${a}: is unknown\n${TRY}`, 2);
        const key = SWITCHES[f]!;
        if (key !== 'ignore') (opts as unknown as Record<string, boolean>)[key] = true;
      }
      continue;
    }
    opts.urls.push(a);
  }
  if (opts.urls.length === 0) return usage(`curl: no URL specified!\n${TRY}`, 2);
  return { ok: true, opts };
}

const headerText = (r: HttpResponse) => `${r.version} ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;

/** `-w`: the variables curl fills in, and its backslash escapes. */
function writeOut(format: string, v: { code: number; type?: string; size: number; url: string; ip?: string; port?: number }): string {
  const vars: Record<string, string> = {
    http_code: String(v.code).padStart(3, '0'),
    response_code: String(v.code).padStart(3, '0'),
    content_type: v.type ?? '',
    size_download: String(v.size),
    url_effective: v.url,
    remote_ip: v.ip ?? '',
    remote_port: v.port !== undefined ? String(v.port) : '',
    time_total: '0.001000',
    num_redirects: '0',
  };
  return format.replace(/%\{([a-z_]+)\}/g, (all, name: string) => vars[name] ?? all).replace(/\\([nrt\\])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c]!);
}

export function curl(args: string[], io: CommandIO, net: NetAccess): ShellResult {
  const parsed = parseArgs(args);
  if (!parsed.ok) return parsed.result;
  const o = parsed.opts;
  let stdout = '';
  let stderr = '';
  let code = 0;
  // The meter shows when output is not a terminal; a failed transfer leaves its first line, and
  // the error follows on the same line, as curl writes it.
  const meter = !o.silent && (!net.terminal || o.output !== undefined || o.remoteName);
  const error = (n: number, message: string) => {
    code = n;
    if (meter && n !== 3) stderr += METER_START;
    if (!o.silent || o.showError) stderr += `curl: (${n}) ${message}\n`;
  };
  for (const raw of o.urls) {
    const first = parseUrl(raw);
    if (!first) {
      error(3, 'URL using bad/illegal format or missing URL');
      continue;
    }
    let url: ParsedUrl = first;
    const method = o.head ? 'HEAD' : (o.method ?? 'GET');
    let outcome: HttpOutcome | undefined;
    let verbose = '';
    for (let hops = 0; hops <= 50; hops++) {
      outcome = send(net, url, method, `curl/${CURL_VERSION}`);
      if (o.verbose) verbose += verboseLines(url, method, outcome);
      if (!o.location || outcome.kind !== 'response' || ![301, 302, 303, 307, 308].includes(outcome.response.status)) break;
      const location = outcome.response.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
      const next: ParsedUrl | undefined = location ? follow(url, location) : undefined;
      if (!next) break;
      // Each response's headers are shown with -i, the last one's body.
      if (o.include || o.head) stdout += headerText(outcome.response);
      url = next;
    }
    stderr += verbose;
    const host = url.host;
    if (!outcome || outcome.kind === 'unresolved') error(6, `Could not resolve host: ${host}`);
    else if (outcome.kind === 'refused') error(7, `Failed to connect to ${host} port ${url.port} after 0 ms: Couldn't connect to server`);
    else if (outcome.kind === 'timeout') {
      // multi.c's own timer fires first when a limit is given (a millisecond late, as it does).
      if (o.connectTimeout !== undefined) error(28, `Connection timed out after ${Math.round(o.connectTimeout * 1000) + 1} milliseconds`);
      // Else the kernel gives up on the SYN after its retries (tcp_syn_retries 6: about 130 s).
      else error(28, `Failed to connect to ${host} port ${url.port} after 129000 ms: Couldn't connect to server`);
    } else if (url.scheme !== 'http') error(35, 'error:0A00010B:SSL routines::wrong version number');
    else {
      const r = outcome.response;
      if (o.fail && r.status >= 400) {
        error(22, `The requested URL returned error: ${r.status}`);
      } else {
        const text = (o.include || o.head ? headerText(r) : '') + (method === 'HEAD' ? '' : r.body);
        const file = o.output ?? (o.remoteName ? url.target.split('?')[0]!.replace(/.*\//, '') : undefined);
        if (!o.silent && (file !== undefined || !net.terminal)) stderr += progressMeter(new TextEncoder().encode(text).length);
        if (file !== undefined && file !== '-') {
          if (file === '') {
            stderr += o.silent && !o.showError ? '' : 'curl: Remote file name has no length!\n';
            error(23, 'Failed writing received data to disk/application');
            continue;
          }
          const target = io.resolve(file);
          // /dev/null takes anything (the shell's redirections treat it the same way).
          const w = target === '/dev/null' ? ({ ok: true } as const) : io.ctx.fs.write(target, text, false);
          if (!w.ok) {
            if (!o.silent) stderr += `Warning: Failed to open the file ${file}: ${fsMessage(w.code)}\n`;
            error(23, 'Failure writing output to destination');
            continue;
          }
        } else stdout += text;
      }
    }
    if (o.writeOut !== undefined) {
      const r = outcome?.kind === 'response' ? outcome.response : undefined;
      stdout += writeOut(o.writeOut, { code: r?.status ?? 0, type: r?.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1], size: r && method !== 'HEAD' ? new TextEncoder().encode(r.body).length : 0, url: `${url.scheme}://${url.hostHeader}${url.target}`, ...(outcome && 'ip' in outcome ? { ip: outcome.ip, port: url.port } : {}) });
    }
  }
  return { stdout, stderr, code };
}

/** max5data: five characters, `  615`, ` 600k`, `12.3M`. */
export function max5(bytes: number): string {
  const KB = 1024;
  const MB = KB * KB;
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * KB) return `${String(Math.floor(bytes / KB)).padStart(4)}k`;
  if (bytes < 100 * MB) return `${String(Math.floor(bytes / MB)).padStart(2)}.${Math.floor((bytes % MB) / (MB / 10))}M`;
  return `${String(Math.floor(bytes / MB)).padStart(4)}M`;
}

/**
 * The progress meter curl writes on stderr when its output is not a terminal: the heading, the
 * first update and the last (lib/progress.c). A simulated transfer takes a millisecond, which
 * sets the speeds.
 */
const METER_START =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
  '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

function progressMeter(bytes: number): string {
  const speed = max5(bytes * 1000);
  const size = max5(bytes);
  return `${METER_START}\r100 ${size}  100 ${size}    0     0  ${speed}      0 --:--:-- --:--:-- --:--:-- ${speed}\n`;
}

/** `-v`: what curl says it does, on stderr. */
function verboseLines(url: ParsedUrl, method: string, outcome: HttpOutcome): string {
  if (outcome.kind === 'unresolved') return `* Could not resolve host: ${url.host}\n* Closing connection 0\n`;
  let s = `*   Trying ${outcome.ip}:${url.port}...\n`;
  if (outcome.kind === 'refused') s += `* connect to ${outcome.ip} port ${url.port} failed: Connection refused\n* Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server\n* Closing connection 0\n`;
  if (outcome.kind !== 'response') return s;
  s += `* Connected to ${url.host} (${outcome.ip}) port ${url.port} (#0)\n`;
  s += `> ${method} ${url.target} HTTP/1.1\r\n> Host: ${url.hostHeader}\r\n> User-Agent: curl/${CURL_VERSION}\r\n> Accept: */*\r\n> \r\n`;
  const r = outcome.response;
  s += `< ${r.version} ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `< ${k}: ${v}\r\n`).join('')}< \r\n`;
  s += r.version === 'HTTP/1.0' || r.headers.some(([k, v]) => k === 'Connection' && v === 'close') ? '* Closing connection 0\n' : `* Connection #0 to host ${url.host} left intact\n`;
  return s;
}

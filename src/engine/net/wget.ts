// busybox wget (busybox, alpine and their kin), as networking/wget.c and libbb/progress.c print:
// `Connecting to web (10.96.0.12:80)`, `saving to 'index.html'` or `writing to stdout`, one
// progress line (stderr is not a terminal under kubectl exec, so the line ends with a newline),
// then `'index.html' saved` or `written to stdout`; `-q` keeps quiet, errors still show:
// `wget: bad address 'web'`, `wget: can't connect to remote host (10.96.0.12): Connection
// refused`, `wget: server returned error: HTTP/1.1 404 Not Found`. Redirects are followed.
import type { CommandIO } from '../shell/commands.ts';
import type { ShellResult } from '../shell/interpreter.ts';
import { fsMessage } from '../shell/messages.ts';
import { utf8Length } from '../fs/tree.ts';
import { follow, send, type NetAccess } from './client.ts';
import { parseUrl, type ParsedUrl } from './http.ts';

const USAGE = `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--header STR	Add STR (of form 'header: value') to headers
	--post-data STR	Send STR using POST method
	--post-file FILE	Send FILE using POST method
	--no-check-certificate	Don't validate the server's certificate
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy
`;

interface WgetOptions {
  quiet: boolean;
  spider: boolean;
  serverResponse: boolean;
  output?: string;
  prefix?: string;
  post: boolean;
  urls: string[];
}

function parseArgs(args: string[]): WgetOptions | undefined {
  const o: WgetOptions = { quiet: false, spider: false, serverResponse: false, post: false, urls: [] };
  const valued = new Set(['O', 'o', 'P', 'T', 'U', 'Y', 't']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      const value = () => inline ?? args[++i] ?? '';
      if (name === '--spider') o.spider = true;
      else if (name === '--quiet') o.quiet = true;
      else if (name === '--output-document') o.output = value();
      else if (name === '--directory-prefix') o.prefix = value();
      else if (name === '--post-data' || name === '--post-file') {
        value();
        o.post = true;
      } else if (['--header', '--user-agent', '--timeout', '--tries', '--proxy', '--output-file'].includes(name)) value();
      else if (!['--no-check-certificate', '--continue', '--server-response'].includes(name)) return undefined;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (valued.has(f)) {
          const v = a.slice(j + 1) || args[++i] || '';
          if (f === 'O') o.output = v;
          else if (f === 'P') o.prefix = v;
          break;
        }
        if (f === 'q') o.quiet = true;
        else if (f === 'S') o.serverResponse = true;
        else if (f !== 'c') return undefined;
      }
      continue;
    }
    o.urls.push(a);
  }
  return o.urls.length > 0 ? o : undefined;
}

/** smart_ulltoa5: five characters, `  615`, `12345`, ` 120k`, `92.1M`. */
export function size5(bytes: number): string {
  if (bytes <= 99999) return String(bytes).padStart(5);
  let v = bytes * 10;
  let idx = 0;
  do {
    v = Math.floor(v / 1024);
    idx++;
  } while (v >= 100000);
  const unit = ' kMGTPEZY'[idx]!;
  const whole = Math.floor(v / 10);
  return whole >= 100 ? `${String(whole).padStart(4)}${unit}` : `${String(whole).padStart(2)}.${v % 10}${unit}`;
}

/** The progress line wget prints once the file is in, stderr not being a terminal. */
function progressLine(name: string, bytes: number): string {
  return `${name.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${size5(bytes)}  0:00:00 ETA\n`;
}

export function wget(args: string[], io: CommandIO, net: NetAccess): ShellResult {
  const o = parseArgs(args);
  if (!o) return { stdout: '', stderr: USAGE, code: 1 };
  let stdout = '';
  let stderr = '';
  const die = (message: string): ShellResult => ({ stdout, stderr: `${stderr}wget: ${message}\n`, code: 1 });
  for (const raw of o.urls) {
    const first = parseUrl(raw);
    if (!first) return die(`bad address '${raw}'`);
    let url: ParsedUrl = first;
    if (url.scheme !== 'http') return die(`not an http or ftp url: ${raw}`);
    let connecting = true;
    for (let hops = 0; ; hops++) {
      if (hops > 16) return die('too many redirections');
      const outcome = send(net, url, o.post ? 'POST' : 'GET', 'Wget');
      if (outcome.kind === 'unresolved') return die(`bad address '${url.host}'`);
      if (connecting && !o.quiet) stderr += `Connecting to ${url.host} (${outcome.ip}:${url.port})\n`;
      if (outcome.kind === 'refused') return die(`can't connect to remote host (${outcome.ip}): Connection refused`);
      if (outcome.kind === 'timeout') return die('download timed out');
      const r = outcome.response;
      if (o.serverResponse) stderr += `  ${r.version} ${r.status} ${r.reason}\n${r.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('')}`;
      if ([301, 302, 303, 307, 308].includes(r.status)) {
        const location = r.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
        const next: ParsedUrl | undefined = location ? follow(url, location) : undefined;
        if (!next) return die(`server returned error: ${r.version} ${r.status} ${r.reason}`);
        // A new host is looked up (and announced) again; a path on the same one is not.
        connecting = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location!);
        url = next;
        continue;
      }
      if (r.status !== 200 && r.status !== 204) return die(`server returned error: ${r.version} ${r.status} ${r.reason}`);
      if (o.spider) {
        if (!o.quiet) stderr += 'remote file exists\n';
        break;
      }
      const toStdout = o.output === '-';
      const name = o.output ?? (url.target.split('?')[0]!.replace(/.*\//, '') || 'index.html');
      const path = o.output === undefined && o.prefix ? `${o.prefix.replace(/\/$/, '')}/${name}` : name;
      if (!toStdout) {
        // Without -O the file must not exist yet (O_EXCL); -O overwrites.
        const target = io.resolve(path);
        if (o.output === undefined && io.ctx.fs.stat(target)) return die(`can't open '${path}': File exists`);
        // /dev/null takes anything (the shell's redirections treat it the same way).
        const w = target === '/dev/null' ? ({ ok: true } as const) : io.ctx.fs.write(target, r.body, false);
        if (!w.ok) return die(`can't open '${path}': ${fsMessage(w.code)}`);
      } else stdout += r.body;
      if (!o.quiet) {
        const size = utf8Length(r.body);
        const known = r.headers.some(([k]) => k.toLowerCase() === 'content-length');
        stderr += toStdout ? 'writing to stdout\n' : `saving to '${path}'\n`;
        // With no Content-Length the total is unknown and the meter prints nothing for a fast download.
        if (known) stderr += progressLine(toStdout ? '-' : path.slice(path.lastIndexOf('/') + 1), size);
        stderr += toStdout ? 'written to stdout\n' : `'${path}' saved\n`;
      }
      break;
    }
  }
  return { stdout, stderr, code: 0 };
}

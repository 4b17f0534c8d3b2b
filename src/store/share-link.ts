// Share links: a session in the URL's `#` fragment (never sent to a server), as
// `#s=v1.<base64url of deflate-raw(JSON)>`. The format version comes first so a future v2 can be
// told apart from a damaged link. Decoding treats the fragment as hostile: every stage has its
// own clear error, and decompression stops at a hard cap instead of inflating a zip bomb.
//
// CompressionStream / DecompressionStream ('deflate-raw') are built into browsers and Node 20, so
// the same code runs in the app and in Vitest.
import { parseSession, type SessionV1 } from './session.ts';
import { SHARE_KEY, sharePayload } from './share-fragment.ts';

export { SHARE_KEY, sharePayload };
export const SHARE_FORMAT = 1;
/** Decompression stops here: larger sessions are refused (a real session is a few KB). */
export const MAX_DECODED_BYTES = 512 * 1024;
/** Fragments longer than this are refused before decoding (deflate cannot shrink 512 KB below it in practice). */
export const MAX_FRAGMENT_CHARS = 1_000_000;
/** Longer links are hard to paste into chat or show as a QR code on a projector (stack-notes). */
export const COMFORTABLE_LINK_CHARS = 2_000;

export type ShareDecode =
  /** The fragment held a valid session. */
  | { status: 'ok'; session: SessionV1 }
  /** The fragment is not a share link at all (a normal visit): say nothing. */
  | { status: 'none' }
  /** It is a share link, but it cannot be opened; `error` says why. */
  | { status: 'error'; error: string };

/** The session as a fragment, `#s=v1.…`. Throws when the session is too large to reopen. */
export async function encodeSession(session: SessionV1): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(session));
  if (json.length > MAX_DECODED_BYTES) {
    throw new Error(`This session is too large to share (${kb(json.length)}; a link holds at most ${kb(MAX_DECODED_BYTES)})`);
  }
  const deflated = await pipeBytes(json, new CompressionStream('deflate-raw'));
  return `#${SHARE_KEY}=v${SHARE_FORMAT}.${toBase64Url(deflated)}`;
}

/** Reads a location hash (`#…`, with or without the `#`). */
export async function decodeShareFragment(hash: string): Promise<ShareDecode> {
  const payload = sharePayload(hash);
  if (payload === null) return { status: 'none' };
  const fail = (error: string): ShareDecode => ({ status: 'error', error });

  if (payload.length > MAX_FRAGMENT_CHARS) return fail(`the link is too long (${payload.length.toLocaleString('en')} characters)`);
  const version = /^v(\d+)\./.exec(payload);
  if (!version) return fail(`it does not start with a format version (expected "v${SHARE_FORMAT}.")`);
  const format = Number(version[1]);
  if (format > SHARE_FORMAT) return fail(`This link was made by a newer playground (format v${format})`);
  if (format !== SHARE_FORMAT) return fail(`unknown link format v${format}`);

  const bytes = fromBase64Url(payload.slice(version[0].length));
  if (typeof bytes === 'string') return fail(bytes);

  const inflated = await inflateCapped(bytes, MAX_DECODED_BYTES);
  if (typeof inflated === 'string') return fail(inflated);

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return fail('the session text is not valid UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(`the session is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = parseSession(json);
  return parsed.ok ? { status: 'ok', session: parsed.session } : fail(parsed.error);
}

/**
 * Inflates deflate-raw data, counting as it goes: past `cap` bytes it stops and reports. The
 * input goes in in small slices so that one slice of a zip bomb can inflate to at most ~1 MB
 * before the count catches it (a stream transform turns a whole input chunk into output at once).
 */
export async function inflateCapped(bytes: Uint8Array, cap: number, what = 'the session'): Promise<Uint8Array | string> {
  const SLICE = 1024;
  const inflate = new DecompressionStream('deflate-raw');
  const writer = inflate.writable.getWriter();
  const reader = inflate.readable.getReader();
  let stopped = false;
  // Errors of the input side show up on the reading side too, where they are reported; the
  // feeding is not awaited, so nothing can wait on a write that a cancelled stream never takes.
  void (async () => {
    for (let i = 0; i < bytes.length && !stopped; i += SLICE) await writer.write(bytes.slice(i, i + SLICE));
    if (!stopped) await writer.close();
  })().catch(() => {});
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > cap) {
        stopped = true;
        await reader.cancel().catch(() => {});
        return `${what} is larger than ${kb(cap)} when decompressed`;
      }
      chunks.push(value);
    }
  } catch {
    stopped = true;
    return 'the compressed data is damaged (was the link cut off when it was copied?)';
  }
  return concat(chunks, total);
}

export async function pipeBytes(bytes: Uint8Array, transform: CompressionStream): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return concat(chunks, total);
    chunks.push(value);
    total += value.length;
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** base64url without padding (RFC 4648 §5): safe in a fragment without escaping. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...bytes) would overflow the call stack on large input.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes, or an error message naming the first character that is not base64url. */
export function fromBase64Url(text: string): Uint8Array | string {
  const bad = /[^A-Za-z0-9_-]/.exec(text);
  if (bad) return `the link contains ${JSON.stringify(bad[0])} at position ${bad.index + 1} of its data, which base64url does not use`;
  if (text.length === 0) return 'the link holds no data';
  if (text.length % 4 === 1) return 'the link\'s data has an impossible length (was it cut off?)';
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
}

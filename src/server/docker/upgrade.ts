// The first bytes on a connection the client asked to hijack: `101 UPGRADED` (the stream follows),
// or a plain HTTP error when the request is refused before the upgrade.
import type { Socket } from 'node:net';
import { MULTIPLEXED, RAW_STREAM } from './mux.ts';
import type { DockerReply } from './reply.ts';
import { API_VERSION } from './system.ts';

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict', 500: 'Internal Server Error' };

/** The daemon's answer that turns the connection into the stream (moby's attach and exec start routes). */
export function upgraded(socket: Socket, tty: boolean): void {
  socket.write(`HTTP/1.1 101 UPGRADED\r\nContent-Type: ${tty ? RAW_STREAM : MULTIPLEXED}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n`);
}

/** A plain HTTP answer on a connection the client asked to hijack (an error before the upgrade). */
export function sendOnSocket(socket: Socket, reply: DockerReply): void {
  const body = JSON.stringify(reply.body) + '\n';
  socket.end(`HTTP/1.1 ${reply.code} ${STATUS_TEXT[reply.code] ?? ''}\r\nContent-Type: application/json\r\nApi-Version: ${API_VERSION}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

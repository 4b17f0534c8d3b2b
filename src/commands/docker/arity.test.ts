// cobra's argument-count checks for docker commands, as docker/cli v27 words them.
import { describe, expect, it } from 'vitest';
import { arityError } from './arity.ts';
import { runScript } from '../script/run-script.ts';

describe('docker argument counts', () => {
  it('names the command path, its Use line and Short text', () => {
    expect(arityError('container exec', 1)).toBe(
      '"docker container exec" requires at least 2 arguments.\nSee \'docker container exec --help\'.\n\nUsage:  docker container exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container',
    );
    expect(arityError('volume create', 2)).toMatch(/^"docker volume create" requires at most 1 argument\.\n/);
    expect(arityError('volume create', 0)).toBeUndefined();
    expect(arityError('run', 1)).toBeUndefined();
    expect(arityError('ps', 5)).toBeUndefined();
  });
});

describe('docker volume create without a name', () => {
  it('makes up a new 64-hex name each time, as the daemon does', () => {
    const r = runScript('docker volume create\ndocker volume create\n', { preset: 'kind', quiet: true, files: { read: () => undefined } });
    const names = r.stdout.trim().split('\n');
    expect(names).toHaveLength(2);
    expect(names.every((n) => /^[0-9a-f]{64}$/.test(n))).toBe(true);
    expect(names[0]).not.toBe(names[1]);
  });
});

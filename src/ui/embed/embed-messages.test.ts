import { describe, expect, it } from 'vitest';
import { checkInbound } from './embed-messages.ts';

describe('embed messages from the host page', () => {
  it('ignores anything that is not an object with a kubesim: type', () => {
    for (const data of [null, undefined, 'kubesim:apply', 42, ['kubesim:apply'], {}, { type: 3 }, { type: 'webpackOk' }, { type: 'KUBESIM:apply' }, { source: 'react-devtools', type: 'x' }]) {
      expect(checkInbound(data)).toEqual({ status: 'ignore' });
    }
  });

  it('ignores our own events echoed back', () => {
    expect(checkInbound({ type: 'kubesim:ready', version: 1 })).toEqual({ status: 'ignore' });
    expect(checkInbound({ type: 'kubesim:goal-met', lesson: 'a' })).toEqual({ status: 'ignore' });
  });

  it('accepts apply and reset', () => {
    expect(checkInbound({ type: 'kubesim:apply' })).toEqual({ status: 'ok', message: { type: 'kubesim:apply' } });
    expect(checkInbound({ type: 'kubesim:reset', extra: true })).toEqual({ status: 'ok', message: { type: 'kubesim:reset' } });
  });

  it('answers an unknown kubesim: type with an error naming the known ones', () => {
    expect(checkInbound({ type: 'kubesim:explode' })).toEqual({
      status: 'error',
      request: 'kubesim:explode',
      message: 'unknown message type "kubesim:explode" (expected one of kubesim:load, kubesim:apply, kubesim:reset)',
    });
  });

  it('loads a lesson, its step counted from 1', () => {
    expect(checkInbound({ type: 'kubesim:load', lesson: 'static-binding' })).toEqual({ status: 'ok', message: { type: 'kubesim:load', lesson: 'static-binding' } });
    expect(checkInbound({ type: 'kubesim:load', lesson: 'static-binding', step: 3 })).toEqual({ status: 'ok', message: { type: 'kubesim:load', lesson: 'static-binding', step: 3 } });
  });

  it('refuses a bad lesson request, saying what is wrong', () => {
    const error = (data: unknown) => {
      const c = checkInbound(data);
      return c.status === 'error' ? c.message : c.status;
    };
    expect(error({ type: 'kubesim:load' })).toMatch(/needs exactly one of "scenario".*and "lesson"/);
    expect(error({ type: 'kubesim:load', lesson: 'a', scenario: 'b' })).toMatch(/needs exactly one of/);
    expect(error({ type: 'kubesim:load', lesson: 7 })).toBe('"lesson" must be a lesson id (a non-empty string)');
    expect(error({ type: 'kubesim:load', lesson: ' ' })).toBe('"lesson" must be a lesson id (a non-empty string)');
    expect(error({ type: 'kubesim:load', lesson: 'a', step: 0 })).toBe('"step" must be a whole number from 1 (got 0)');
    expect(error({ type: 'kubesim:load', lesson: 'a', step: 1.5 })).toBe('"step" must be a whole number from 1 (got 1.5)');
    expect(error({ type: 'kubesim:load', lesson: 'a', step: '2' })).toBe('"step" must be a whole number from 1 (got "2")');
    expect(error({ type: 'kubesim:load', lesson: 'a', preset: 'kind' })).toBe('"preset" goes with "scenario"; a lesson brings its own cluster');
  });

  it('loads a scenario, with a preset when given', () => {
    expect(checkInbound({ type: 'kubesim:load', scenario: 'kind: PersistentVolume\n' })).toEqual({ status: 'ok', message: { type: 'kubesim:load', scenario: 'kind: PersistentVolume\n' } });
    expect(checkInbound({ type: 'kubesim:load', scenario: '', preset: 'multi-az' })).toEqual({ status: 'ok', message: { type: 'kubesim:load', scenario: '', preset: 'multi-az' } });
  });

  it('refuses a bad scenario request', () => {
    const c = (data: unknown) => checkInbound(data) as { status: string; message?: string };
    expect(c({ type: 'kubesim:load', scenario: { kind: 'Pod' } }).message).toBe('"scenario" must be a string of YAML, or a share link\'s #s=… fragment');
    expect(c({ type: 'kubesim:load', scenario: 'x', preset: 'k3s' }).message).toBe('unknown cluster preset "k3s" (expected one of kind, kind-multinode, bare, multi-az, empty)');
    expect(c({ type: 'kubesim:load', scenario: 'x', step: 2 }).message).toBe('"step" goes with "lesson"');
    expect(c({ type: 'kubesim:load', scenario: 'x'.repeat(200_001) }).message).toBe('"scenario" is longer than 200,000 characters');
  });
});

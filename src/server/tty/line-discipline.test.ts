import { describe, expect, it } from 'vitest';
import { EMPTY_LINE, feed, toTerminal } from './line-discipline.ts';

/** Feeds chunks one after another, as keys arrive over the wire. */
function typed(...chunks: string[]) {
  let state = EMPTY_LINE;
  let echo = '';
  const events: unknown[] = [];
  for (const c of chunks) {
    const r = feed(state, c);
    state = r.state;
    echo += r.echo + r.echoAfter.join('');
    events.push(...r.events);
  }
  return { state, echo, events };
}

describe('line discipline', () => {
  it('echoes what is typed and hands over a line on Enter (CR becomes NL)', () => {
    expect(typed('ls -l\r')).toEqual({ state: EMPTY_LINE, echo: 'ls -l\r\n', events: [{ type: 'line', text: 'ls -l' }] });
    expect(typed('a\n').events).toEqual([{ type: 'line', text: 'a' }]);
  });

  it('keeps a line typed over several chunks', () => {
    const r = typed('ec', 'ho h', 'i\r');
    expect(r.events).toEqual([{ type: 'line', text: 'echo hi' }]);
    expect(r.echo).toBe('echo hi\r\n');
  });

  it('erases with Backspace (DEL and ^H) on screen as \\b \\b, a whole character at a time', () => {
    const r = typed('cat /x\x7f\x7fetc\x08c\r');
    expect(r.events).toEqual([{ type: 'line', text: 'cat etc' }]);
    expect(r.echo).toBe('cat /x\b \b\b \betc\b \bc\r\n');
    expect(typed('é\x7f\r').events).toEqual([{ type: 'line', text: '' }]);
    // Nothing to erase: nothing echoed.
    expect(typed('\x7f').echo).toBe('');
  });

  it('kills the line with Ctrl-U and the last word with Ctrl-W', () => {
    const u = typed('rm -rf /\x15ls\r');
    expect(u.events).toEqual([{ type: 'line', text: 'ls' }]);
    expect(u.echo).toBe('rm -rf /' + '\b \b'.repeat(8) + 'ls\r\n');
    const w = typed('echo one two  \x17three\r');
    expect(w.events).toEqual([{ type: 'line', text: 'echo one three' }]);
    expect(w.echo).toBe('echo one two  ' + '\b \b'.repeat(5) + 'three\r\n');
  });

  it('Ctrl-C echoes ^C, drops the line and interrupts', () => {
    const r = typed('sleep 10\x03echo ok\r');
    expect(r.events).toEqual([{ type: 'interrupt' }, { type: 'line', text: 'echo ok' }]);
    expect(r.echo).toBe('sleep 10^Cecho ok\r\n');
  });

  it('Ctrl-D is end of input on an empty line only', () => {
    expect(typed('\x04').events).toEqual([{ type: 'eof' }]);
    const r = typed('ab\x04c\r');
    expect(r.events).toEqual([{ type: 'line', text: 'abc' }]);
    expect(r.echo).toBe('abc\r\n');
  });

  it('drops escape sequences whole (arrows, Home, F-keys), even split across chunks', () => {
    const r = typed('a\x1b[A\x1b[1;5Cb\x1bOH\x1b[', '15~c\x1b', '[Dd\r');
    expect(r.events).toEqual([{ type: 'line', text: 'abcd' }]);
    expect(r.echo).toBe('abcd\r\n');
    expect(r.state).toEqual(EMPTY_LINE);
  });

  it('ignores other control characters, keeps tabs', () => {
    expect(typed('a\x01\x1a\tb\r').events).toEqual([{ type: 'line', text: 'a\tb' }]);
  });

  it('says what echo belongs after each event, so output can come between', () => {
    const r = feed(EMPTY_LINE, 'pwd\rls');
    expect(r.echo).toBe('pwd\r\n');
    expect(r.events).toEqual([{ type: 'line', text: 'pwd' }]);
    expect(r.echoAfter).toEqual(['ls']);
    expect(r.state.line).toBe('ls');
  });

  it('turns output newlines into CR NL (onlcr)', () => {
    expect(toTerminal('a\nb\r\nc')).toBe('a\r\nb\r\nc');
  });
});

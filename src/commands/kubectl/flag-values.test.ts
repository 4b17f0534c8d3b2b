// pflag's typed values: the parse errors cobra prints before a command runs.
import { describe, expect, it } from 'vitest';
import { flagValueError, parseGoBool, parseGoInt } from './flag-values.ts';
import { parseFlags, type FlagSpec } from './flags.ts';

describe('strconv.ParseInt(s, 0, bits)', () => {
  it.each([
    ['42', 42n],
    ['-7', -7n],
    ['+3', 3n],
    ['0x1F', 31n],
    ['0o17', 15n],
    ['017', 15n],
    ['0b101', 5n],
    ['1_000', undefined], // underscores only with a base prefix
    ['0x_1F', 31n],
    ['soon', undefined],
    ['', undefined],
    ['1.5', undefined],
  ])('%s', (text, value) => expect(parseGoInt(text)).toBe(value));

  it('words syntax and range errors as strconv does', () => {
    expect(flagValueError('int', 'soon')).toBe('strconv.ParseInt: parsing "soon": invalid syntax');
    expect(flagValueError('int64', '9223372036854775807')).toBeUndefined();
    expect(flagValueError('int64', '9223372036854775808')).toBe('strconv.ParseInt: parsing "9223372036854775808": value out of range');
    expect(flagValueError('int64', '-9223372036854775808')).toBeUndefined();
    expect(flagValueError('int32', '2147483648')).toBe('strconv.ParseInt: parsing "2147483648": value out of range');
  });
});

describe('strconv.ParseBool', () => {
  it('takes Go spellings only', () => {
    expect(['1', 't', 'T', 'TRUE', 'true', 'True'].map(parseGoBool)).toEqual(Array(6).fill(true));
    expect(['0', 'f', 'F', 'FALSE', 'false', 'False'].map(parseGoBool)).toEqual(Array(6).fill(false));
    expect(parseGoBool('yes')).toBeUndefined();
    expect(flagValueError('bool', 'maybe')).toBe('strconv.ParseBool: parsing "maybe": invalid syntax');
  });
});

describe('parseFlags with typed flags', () => {
  const specs: FlagSpec[] = [
    { long: 'tail', value: true, type: 'int64' },
    { long: 'watch', short: 'w', value: false },
    { long: 'name', value: true },
  ];

  it('refuses a bad value with pflag words, naming the shorthand too', () => {
    expect(parseFlags(['--tail=x'], specs)).toEqual({ ok: false, error: 'invalid argument "x" for "--tail" flag: strconv.ParseInt: parsing "x": invalid syntax' });
    expect(parseFlags(['--tail', 'x'], specs)).toEqual({ ok: false, error: 'invalid argument "x" for "--tail" flag: strconv.ParseInt: parsing "x": invalid syntax' });
    expect(parseFlags(['--watch=maybe'], specs)).toEqual({ ok: false, error: 'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax' });
  });

  it('normalises bools and keeps good values', () => {
    const r = parseFlags(['--watch=T', '--tail', '-1', '--name', 'x'], specs);
    expect(r.ok && r.parsed.values).toEqual({ watch: ['true'], tail: ['-1'], name: ['x'] });
    const off = parseFlags(['--watch=0'], specs);
    expect(off.ok && off.parsed.values['watch']).toEqual(['false']);
  });

  it('a bare flag with a NoOptDefVal takes its default, not the next word', () => {
    const r = parseFlags(['--validate', '-f', 'x.yaml'], [{ long: 'validate', value: true, bare: 'strict' }, { long: 'filename', short: 'f', value: true }]);
    expect(r.ok && r.parsed.values).toEqual({ validate: ['strict'], filename: ['x.yaml'] });
  });

  it('records where `--` was (cobra ArgsLenAtDash)', () => {
    const r = parseFlags(['web', '--', 'ls'], specs);
    expect(r.ok && [r.parsed.args, r.parsed.rest, r.parsed.argsAtDash]).toEqual([['web'], ['ls'], 1]);
    const none = parseFlags(['web'], specs);
    expect(none.ok && none.parsed.argsAtDash).toBeUndefined();
  });
});

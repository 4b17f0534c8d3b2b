// metav1.Time's decoding: an RFC 3339 timestamp, parsed as Go's time.Parse reads the layout
// "2006-01-02T15:04:05Z07:00", and refused in its words (`parsing time "x" as "…": cannot
// parse "x" as "2006"`), so a pasted manifest with a bad timestamp is answered as the server does.
const LAYOUT = '2006-01-02T15:04:05Z07:00';

/** Layout elements in order: numbers of fixed width, literals, and the zone. */
const ELEMENTS: readonly { text: string; digits?: number }[] = [
  { text: '2006', digits: 4 },
  { text: '-' },
  { text: '01', digits: 2 },
  { text: '-' },
  { text: '02', digits: 2 },
  { text: 'T' },
  { text: '15', digits: 2 },
  { text: ':' },
  { text: '04', digits: 2 },
  { text: ':' },
  { text: '05', digits: 2 },
  { text: 'Z07:00' },
];

/** The error time.Parse(time.RFC3339, value) returns, or undefined when the value parses. */
export function rfc3339Error(value: string): string | undefined {
  let rest = value;
  const fields: number[] = [];
  for (const [i, el] of ELEMENTS.entries()) {
    const fail = () => `parsing time ${JSON.stringify(value)} as ${JSON.stringify(LAYOUT)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(el.text)}`;
    if (el.digits) {
      const m = new RegExp(`^\\d{${el.digits}}`).exec(rest);
      if (!m) return fail();
      fields.push(Number(m[0]));
      rest = rest.slice(m[0].length);
      // Seconds may carry a fraction even though the layout has none.
      if (i === 10) rest = rest.replace(/^[.,]\d+/, '');
    } else if (el.text === 'Z07:00') {
      const m = /^(Z|[+-]\d{2}:\d{2})/.exec(rest);
      if (!m) return fail();
      rest = rest.slice(m[0].length);
    } else {
      if (!rest.startsWith(el.text)) return fail();
      rest = rest.slice(el.text.length);
    }
  }
  if (rest !== '') return `parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(rest)}`;
  const [year, month, day, hour, minute, second] = fields as [number, number, number, number, number, number];
  const range = (what: string) => `parsing time ${JSON.stringify(value)}: ${what} out of range`;
  if (month < 1 || month > 12) return range('month');
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return range('day');
  if (hour > 23) return range('hour');
  if (minute > 59) return range('minute');
  if (second > 59) return range('second');
  return undefined;
}

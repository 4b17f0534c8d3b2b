// How the docker CLI prints sizes, ages and tables (docker/go-units, docker/cli formatter).
import { tabwrite } from '../../lib/text-table.ts';

/**
 * units.HumanSizeWithPrecision(size, 3): decimal units and Go's `%.3g` (`97.1MB`, `170B`, `0B`), as
 * `docker images`, `ps -s` and `cp` print sizes; `system df` uses units.HumanSize, 4 digits.
 */
export function humanSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 3);
}

export function humanSizeWithPrecision(bytes: number, precision: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${goG(v, precision)}${units[i]}`;
}

/** units.HumanSize: four significant digits, as `docker system df` prints (`43.58MB`). */
export const humanSize4 = (bytes: number) => humanSizeWithPrecision(bytes, 4);

/**
 * Go's `%.*g` for 0 <= v < 1000: the shortest form with `precision` significant digits, and the
 * exponent form when rounding reaches 10^precision (999.5kB at 3 digits is `1e+03kB` in Go).
 */
function goG(v: number, precision: number): string {
  const rounded = Number(v.toPrecision(precision));
  if (rounded >= 10 ** precision) {
    const exp = Math.floor(Math.log10(rounded));
    return `${Number((rounded / 10 ** exp).toPrecision(precision))}e+${String(exp).padStart(2, '0')}`;
  }
  return String(rounded);
}

/** units.HumanDuration: `Less than a second`, `About a minute`, `17 hours`, `3 months`. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(h / 24 / 365)} years`;
}

export const ago = (now: number, then: number) => `${humanDuration(now - then)} ago`;

/** docker's table writer: tabwriter with min width 10 and padding 3. */
export function dockerTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return tabwrite([headers, ...rows].map((r) => r.join('\t')).join('\n') + '\n', { minWidth: 10, padding: 3 });
}

/** JSON as `docker inspect` prints it: 4-space indent. */
export function dockerJson(value: unknown): string {
  return JSON.stringify(value, null, 4) + '\n';
}

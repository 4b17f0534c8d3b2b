// kubectl's human-readable durations, ported from k8s.io/apimachinery/pkg/util/duration/duration.go.
// Durations are in milliseconds; Go truncates toward zero when it converts to whole units, and so do we.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * `duration.HumanDuration`: the AGE column of `kubectl get` and the Age column of describe's
 * Events. About 2–3 significant figures:
 * - under 2 minutes: seconds (`0s` … `119s`);
 * - under 10 minutes: minutes and seconds (`2m`, `2m30s`, `9m59s`);
 * - under 3 hours: minutes (`10m` … `179m`);
 * - under 8 hours: hours and minutes (`3h`, `3h5m`, `7h59m`);
 * - under 48 hours: hours (`8h` … `47h`);
 * - under 8 days: days and hours (`2d`, `2d3h`, `7d23h`);
 * - under 2 years: days (`8d` … `729d`);
 * - under 8 years: years and days (`2y`, `2y100d`);
 * - otherwise years (`8y`).
 * A negative duration of 1 second or less (clock skew) prints `0s`; more negative prints `<invalid>`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;

  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = Math.trunc(ms / SECOND) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;

  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = Math.trunc(ms / MINUTE) % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    const days = Math.trunc(hours / 24);
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const years = Math.trunc(hours / 24 / 365);
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * `duration.ShortHumanDuration`: one unit only (`45s`, `5m`, `3h`, `12d`, `2y`). Same skew rule as
 * {@link humanDuration}.
 */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(ms / HOUR / 24 / 365)}y`;
}

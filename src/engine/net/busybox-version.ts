// Which BusyBox an image carries, for the applets whose behaviour changed between releases
// (nslookup was rewritten in 1.29). The official busybox image's tag is its version (`busybox:1.28`
// is 1.28.4, `busybox` and `busybox:latest` 1.37.0); an Alpine release ships a given BusyBox
// (3.8: 1.28.4, 3.9: 1.29.3, … 3.21 and 3.22: 1.37.0); every other busybox-family image is
// taken to be current (1.37).

export interface BusyboxBuild {
  major: number;
  minor: number;
  /** The first line of its usage text: `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.` */
  banner: string;
}

const CURRENT = { major: 1, minor: 37 };

/**
 * Banners seen from these images. A release without one here prints the current build's banner,
 * as the simulation's other applets do for every busybox image.
 */
const BANNERS: Record<string, string> = {
  'busybox:1.28': 'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.',
  'busybox:1.36': 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.',
  'alpine:1.28': 'BusyBox v1.28.4 (2018-07-17 15:21:40 UTC) multi-call binary.',
};
const CURRENT_BANNER = 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.';

/** Alpine 3.N's BusyBox minor version (aports' main/busybox at each release). */
const ALPINE: ReadonlyArray<readonly [alpineMinor: number, busyboxMinor: number]> = [
  [7, 27],
  [8, 28],
  [9, 29],
  [10, 30],
  [12, 31],
  [13, 32],
  [14, 33],
  [15, 34],
  [17, 35],
  [20, 36],
];

export function busyboxOf(image: string): BusyboxBuild {
  const clean = image.replace(/^docker\.io\/(library\/)?/, '').split('@')[0]!;
  const colon = clean.lastIndexOf(':');
  const [repo, tag] = colon > clean.lastIndexOf('/') ? [clean.slice(0, colon), clean.slice(colon + 1)] : [clean, 'latest'];
  const name = repo.slice(repo.lastIndexOf('/') + 1);
  const numbers = /^(\d+)\.(\d+)/.exec(tag);
  let version = CURRENT;
  let family = 'other';
  if (name === 'busybox' && numbers) {
    version = { major: Number(numbers[1]), minor: Number(numbers[2]) };
    family = 'busybox';
  } else if (name === 'alpine' && numbers && numbers[1] === '3') {
    const alpineMinor = Number(numbers[2]);
    const row = ALPINE.find(([upTo]) => alpineMinor <= upTo);
    version = row ? { major: 1, minor: row[1] } : CURRENT;
    family = 'alpine';
  }
  const banner = BANNERS[`${family}:${version.major}.${version.minor}`] ?? CURRENT_BANNER;
  return { ...version, banner };
}

/** Whether the build is at least `major.minor`. */
export function atLeast(build: Pick<BusyboxBuild, 'major' | 'minor'>, major: number, minor: number): boolean {
  return build.major > major || (build.major === major && build.minor >= minor);
}

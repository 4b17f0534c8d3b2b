// Whether a program started with a terminal (`kubectl exec -it POD -- PROGRAM …`) reads its
// standard input, and so waits for what is typed, or runs at once on its arguments and ends.
// Filters read stdin when no file is named (`cat`, `wc -l`, `grep x`, `head -n 3`); `tr`, `tee`
// and `xargs` always do; an interpreter with no script (`python3`, `node`) reads its program;
// `ls`, `echo`, `df`, `env`, `date`, `id`, `ps` and the rest never do.

/** Programs that read stdin when given no file operand, with their options that take a value. */
const FILTERS: Record<string, { valued: string; operands?: number }> = {
  cat: { valued: '' },
  tac: { valued: '' },
  base64: { valued: 'w' },
  md5sum: { valued: '' },
  sha1sum: { valued: '' },
  sha256sum: { valued: '' },
  sha512sum: { valued: '' },
  wc: { valued: '' },
  sort: { valued: 'ktSo' },
  uniq: { valued: 'fsw' },
  head: { valued: 'nc' },
  tail: { valued: 'ncs' },
  cut: { valued: 'dfbc' },
  nl: { valued: 'bsvw' },
  od: { valued: 'AjNtw' },
  rev: { valued: '' },
  gzip: { valued: '' },
  gunzip: { valued: '' },
  zcat: { valued: '' },
  // The first operand is the pattern or the script, not a file.
  grep: { valued: 'efmABC', operands: 1 },
  egrep: { valued: 'efmABC', operands: 1 },
  fgrep: { valued: 'efmABC', operands: 1 },
  sed: { valued: 'ef', operands: 1 },
  awk: { valued: 'fFv', operands: 1 },
};

const ALWAYS = new Set(['tr', 'tee', 'xargs', 'read', 'more', 'less', 'vi', 'nano']);

/** Whether `argv` reads stdin when run with nothing redirected into it. */
export function readsInput(argv: readonly string[]): boolean {
  const program = argv[0] ?? '';
  const base = program.slice(program.lastIndexOf('/') + 1);
  const args = argv.slice(1);
  if (ALWAYS.has(base)) return true;
  if (/^(sh|ash|bash|dash)$/.test(base)) {
    // `sh -c TEXT` or `sh FILE` is given its program; `sh`, `sh -i`, `bash -l`, `sh -s` read it.
    if (args.includes('-s') || args.includes('-')) return true;
    const options = args.filter((_a, i) => args[i - 1] !== '-o' && args[i - 1] !== '+o');
    return options.every((a) => /^[-+][a-zA-Z]+$/.test(a) && !/^-[a-zA-Z]*c/.test(a));
  }
  if (/^(python[\d.]*|node|perl|ruby|php)$/.test(base)) {
    // `-c CODE`, `-m MODULE`, `-e CODE` or a script: the program is given; else the REPL reads it.
    if (args.includes('-')) return true;
    return args.every((a) => a.startsWith('-') && !/^-[a-zA-Z]*[cme]$/.test(a));
  }
  const filter = FILTERS[base];
  if (!filter) return false;
  let operands = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands += args.length - i - 1;
      break;
    }
    if (a === '-') return true;
    if (a.startsWith('--')) continue;
    if (a.startsWith('-') && a.length > 1) {
      // `-n 3` takes the next word; `-n3` does not; `-e PAT` counts as the grep pattern.
      const last = a[a.length - 1]!;
      if (a.length === 2 && filter.valued.includes(last)) {
        i++;
        if (last === 'e' || (base === 'awk' && last === 'f') || (base === 'sed' && last === 'f')) operands = Math.max(operands, filter.operands ?? 0);
      }
      continue;
    }
    operands++;
  }
  return operands <= (filter.operands ?? 0);
}

/**
 * Whether a program reading its input writes each line's output as that line arrives, as `cat`,
 * `tee` and `grep` do (a terminal shows each typed line answered at once), rather than at the end
 * of input (`wc`, `sort`, `tac`, `grep -c`). Output so far is then the output for the input so far.
 */
export function printsLineByLine(argv: readonly string[]): boolean {
  const program = argv[0] ?? '';
  const base = program.slice(program.lastIndexOf('/') + 1);
  const args = argv.slice(1);
  if (base === 'cat' || base === 'tee') return true;
  // grep answers line by line, except when it counts, lists files, stops early or is quiet.
  if (base === 'grep' || base === 'egrep' || base === 'fgrep') return !args.some((a) => /^-[a-zA-Z]*[clLqm]/.test(a) || /^--(count|files-with|files-without|quiet|silent|max-count)/.test(a));
  return false;
}

// An explanation: why an object is in the state it is in, in plain words, with what would fix it.
// Plain data, so the CLI prints it and the UI renders it.

export interface ExplanationSection {
  title: string;
  rows: { name: string; verdict: string }[];
}

export interface Explanation {
  /** `PersistentVolumeClaim default/data`. */
  subject: string;
  /** What kubectl shows as its status (`Pending`, `Bound`, `ContainerCreating`). */
  status: string;
  /** One or two sentences: why. */
  headline: string;
  sections: ExplanationSection[];
  /** What would make it work, most direct first. */
  fixes: string[];
  /** Where a pod held by its volume's topology would have to run (`zone us-east-1a`, `node worker-a1`), for its card. */
  needs?: string;
}

/** The explanation as text, the way `kubesim explain` prints it. */
export function formatExplanation(e: Explanation): string {
  const out: string[] = [`${e.subject} is ${e.status}.`, e.headline];
  for (const s of e.sections) {
    out.push('', `${s.title}:`);
    const width = Math.max(0, ...s.rows.map((r) => r.name.length));
    for (const r of s.rows) out.push(`  ${r.name.padEnd(width)}   ${r.verdict}`);
  }
  if (e.fixes.length > 0) {
    out.push('', e.fixes.length === 1 ? 'Fix:' : 'Fixes:');
    for (const f of e.fixes) out.push(`  - ${f}`);
  }
  return out.join('\n') + '\n';
}

// ServiceAccounts: the `kubectl get sa` table (printers.go printServiceAccount) and
// `kubectl describe sa` (describe.go describeServiceAccount).
import type { Event, ServiceAccount } from 'kubernetes-types/core/v1';
import type { Column } from './columns.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-helpers.ts';
import { describeEvents, eventsAbout } from './events.ts';
import { DescribeWriter, since } from './format.ts';

export const SERVICE_ACCOUNT_COLUMNS: Column<ServiceAccount>[] = [
  { header: 'NAME', cell: (sa) => sa.metadata?.name ?? '' },
  // The count of `secrets` references: 0 since v1.24 stopped auto-creating token Secrets.
  { header: 'SECRETS', cell: (sa) => String((sa.secrets ?? []).length) },
  { header: 'AGE', cell: (sa, { now }) => since(sa.metadata?.creationTimestamp, now) },
];

// kubectl pads the three headers to the same width and sorts them as map keys.
const EMPTY_HEADER = '                   ';
const SECRET_HEADERS = [
  ['Image pull secrets:', (sa: ServiceAccount) => (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
  ['Mountable secrets: ', (sa: ServiceAccount) => (sa.secrets ?? []).map((s) => s.name ?? '')],
  // Legacy token Secrets (type kubernetes.io/service-account-token) are not made any more.
  ['Tokens:            ', () => [] as string[]],
] as const;

/**
 * `kubectl describe serviceaccount`. `secretNames` are the Secrets of the namespace, when known:
 * a referenced Secret that is not among them is marked `(not found)`, as kubectl does.
 */
export function describeServiceAccount(
  sa: ServiceAccount,
  now: number,
  events: readonly Event[] | undefined,
  secretNames?: readonly string[],
): string {
  const w = new DescribeWriter();
  const meta = sa.metadata ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  for (const [header, namesOf] of SECRET_HEADERS) {
    const names = namesOf(sa);
    if (names.length === 0) {
      w.write(0, `${header}\t<none>\n`);
      continue;
    }
    names.forEach((name, i) => {
      const missing = secretNames !== undefined && !secretNames.includes(name) ? ' (not found)' : '';
      w.write(0, `${i === 0 ? header : EMPTY_HEADER}\t${name}${missing}\n`);
    });
  }
  describeEvents(w, eventsAbout({ kind: 'ServiceAccount', name: meta.name ?? '', namespace: meta.namespace, uid: meta.uid }, events), now);
  return w.toString();
}

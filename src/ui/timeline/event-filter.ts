// Which rows of the events table to show: a text filter (every word must appear in the reason, the
// object or the message, case ignored), Warnings only, and one kind of involved object.

export interface EventRow {
  key: string;
  /** The involved object's kind (`PersistentVolumeClaim`), for the kind filter. */
  kind: string;
  /** LAST SEEN, TYPE, REASON, OBJECT, MESSAGE as `kubectl get events` prints them. */
  cells: [seen: string, type: string, reason: string, object: string, message: string];
}

export interface EventFilter {
  text: string;
  warningsOnly: boolean;
  /** An involved object's kind, or '' for every kind. */
  kind: string;
}

export const NO_FILTER: EventFilter = { text: '', warningsOnly: false, kind: '' };

export function isFiltering(f: EventFilter): boolean {
  return f.text.trim() !== '' || f.warningsOnly || f.kind !== '';
}

export function filterEvents(rows: readonly EventRow[], f: EventFilter): readonly EventRow[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  // No filter: the same rows (thousands of events, filtered again on every step of playback).
  if (words.length === 0 && !f.warningsOnly && !f.kind) return rows;
  return rows.filter((r) => {
    if (f.warningsOnly && r.cells[1] !== 'Warning') return false;
    if (f.kind && r.kind !== f.kind) return false;
    const haystack = `${r.cells[2]}\n${r.cells[3]}\n${r.cells[4]}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** The kinds the events are about, for the kind filter's choices (sorted, each once). */
export function kindsOf(rows: readonly EventRow[]): string[] {
  return [...new Set(rows.map((r) => r.kind).filter(Boolean))].sort();
}

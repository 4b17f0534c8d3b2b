// Secret `stringData` is a write-only input: the API server's v1 → internal conversion folds each
// key into `data` (base64), overwriting a key `data` already has, and never stores the field. The
// conversion runs on every write, create and update alike (a patch, an edit, a replace), so the
// write door calls this on whatever it is about to store, not only the manifest decoder.
import type { AnyStored } from '../api/objects.ts';
import { base64Encode } from '../../lib/base64.ts';
import { setOwn } from '../../lib/own.ts';

/** The object with `stringData` merged into `data`; anything that is not a Secret with stringData comes back as it was. */
export function foldStringData<T extends AnyStored>(obj: T): T {
  if (obj.kind !== 'Secret' || !('stringData' in obj)) return obj;
  const { stringData, ...rest } = obj as T & { stringData?: unknown; data?: unknown };
  // Convert_v1_Secret_To_core_Secret folds only a non-empty stringData: `{}` or null writes nothing.
  if (!isMap(stringData) || Object.keys(stringData).length === 0) return rest as unknown as T;
  const data: Record<string, unknown> = isMap(rest.data) ? { ...rest.data } : {};
  for (const [k, v] of Object.entries(stringData)) setOwn(data, k, base64Encode(String(v)));
  return { ...rest, data } as unknown as T;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

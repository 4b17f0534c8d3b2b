// What must hold of any state the engine returns, whatever it was fed: storage binding is
// one-to-one and symmetric, a Running pod has its claims Bound, and the state is plain JSON.
import type { ClusterState } from '../../src/engine/index.ts';

// Objects are read loosely: after a fuzzed apply, any field may hold any type.
type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function table(state: ClusterState, kind: string): Loose[] {
  const t = obj((state.objects as Loose)[kind]);
  return t ? Object.keys(t).map((k) => obj(t[k]) ?? {}) : [];
}

const nsName = (o: Loose) => `${str(obj(o['metadata'])?.['namespace']) ?? ''}/${str(obj(o['metadata'])?.['name']) ?? ''}`;
const phase = (o: Loose) => str(obj(o['status'])?.['phase']);

/** Binding and pod invariants; each violation as `(rule) sentence naming the objects` (the rule is what tells bugs apart). */
export function clusterViolations(state: ClusterState): string[] {
  const out: string[] = [];
  const pvs = table(state, 'PersistentVolume');
  const pvcs = table(state, 'PersistentVolumeClaim');
  const pvByName = new Map(pvs.map((pv) => [str(obj(pv['metadata'])?.['name']) ?? '', pv]));
  const pvcByKey = new Map(pvcs.map((c) => [nsName(c), c]));

  // A volume serves at most one Bound claim.
  const claimsOf = new Map<string, string[]>();
  for (const c of pvcs) {
    const vol = str(obj(c['spec'])?.['volumeName']);
    if (phase(c) === 'Bound' && vol) claimsOf.set(vol, [...(claimsOf.get(vol) ?? []), nsName(c)]);
  }
  for (const [vol, claims] of claimsOf) if (claims.length > 1) out.push(`(one-claim-per-volume) PV ${vol} is the volume of ${claims.length} Bound claims: ${claims.join(', ')}`);

  // Bound claim → its volume's claimRef names it (uid included when set).
  for (const c of pvcs) {
    if (phase(c) !== 'Bound') continue;
    const vol = str(obj(c['spec'])?.['volumeName']);
    const pv = vol ? pvByName.get(vol) : undefined;
    if (!pv) {
      out.push(`(bound-claim-has-volume) PVC ${nsName(c)} is Bound to ${vol ?? '(no volumeName)'}, which does not exist`);
      continue;
    }
    const ref = obj(obj(pv['spec'])?.['claimRef']);
    const uid = str(obj(c['metadata'])?.['uid']);
    if (!ref || `${str(ref['namespace']) ?? ''}/${str(ref['name']) ?? ''}` !== nsName(c) || (ref['uid'] !== undefined && ref['uid'] !== uid)) {
      out.push(`(claim-volume-symmetric) PVC ${nsName(c)} is Bound to PV ${vol}, whose claimRef is ${ref ? JSON.stringify(ref) : 'absent'}`);
    }
  }
  // Bound volume → its claim exists and names it.
  for (const pv of pvs) {
    if (phase(pv) !== 'Bound') continue;
    const name = str(obj(pv['metadata'])?.['name']) ?? '';
    const ref = obj(obj(pv['spec'])?.['claimRef']);
    const claim = ref ? pvcByKey.get(`${str(ref['namespace']) ?? ''}/${str(ref['name']) ?? ''}`) : undefined;
    if (!claim) out.push(`(bound-volume-has-claim) PV ${name} is Bound but its claimRef ${ref ? JSON.stringify(ref) : '(absent)'} names no claim`);
    else if (str(obj(claim['spec'])?.['volumeName']) !== name) out.push(`(volume-claim-symmetric) PV ${name} is Bound to ${nsName(claim)}, whose volumeName is ${String(obj(claim['spec'])?.['volumeName'])}`);
    else if (ref!['uid'] !== undefined && ref!['uid'] !== obj(claim['metadata'])?.['uid']) out.push(`(volume-claim-uid) PV ${name} is Bound to ${nsName(claim)} by an old uid`);
  }

  // A Running pod's claims are Bound (its volumes could not be set up otherwise), and it has a node.
  for (const pod of table(state, 'Pod')) {
    if (phase(pod) !== 'Running') continue;
    const ns = str(obj(pod['metadata'])?.['namespace']) ?? '';
    const podName = str(obj(pod['metadata'])?.['name']) ?? '';
    if (!str(obj(pod['spec'])?.['nodeName'])) out.push(`(running-pod-has-node) Pod ${ns}/${podName} is Running without a node`);
    const volumes = obj(pod['spec'])?.['volumes'];
    for (const v of Array.isArray(volumes) ? volumes : []) {
      const vol = obj(v);
      if (!vol) continue;
      const claimName = str(obj(vol['persistentVolumeClaim'])?.['claimName']) ?? (obj(vol['ephemeral']) ? `${podName}-${str(vol['name']) ?? ''}` : undefined);
      if (claimName === undefined) continue;
      const claim = pvcByKey.get(`${ns}/${claimName}`);
      if (!claim || phase(claim) !== 'Bound') out.push(`(running-pod-claims-bound) Pod ${ns}/${podName} is Running but its claim ${claimName} is ${claim ? phase(claim) ?? 'without phase' : 'missing'}`);
    }
  }
  return out;
}

/**
 * Where a value stops being plain JSON (the state is kept for time travel, put in share links
 * and compared byte for byte): undefined properties count as absent, as JSON.stringify drops
 * them; anything else JSON cannot carry unchanged is a violation.
 */
export function notPlainJson(value: unknown, path = '$', ancestors: Set<unknown> = new Set()): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? `${path} is -0` : undefined) : `${path} is ${value}`;
  if (typeof value !== 'object') return `${path} is a ${typeof value}`;
  if (ancestors.has(value)) return `${path} is a cycle`;
  ancestors.add(value);
  try {
    return plainObjectOrArray(value, path, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function plainObjectOrArray(value: object, path: string, next: Set<unknown>): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return `${path}[${i}] is a hole`;
      if (value[i] === undefined) return `${path}[${i}] is undefined`;
      const bad = notPlainJson(value[i], `${path}[${i}]`, next);
      if (bad) return bad;
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return `${path} is a ${proto?.constructor?.name ?? 'non-plain object'}`;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return `${path} has toJSON`;
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    const bad = notPlainJson(v, `${path}${/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`}`, next);
    if (bad) return bad;
  }
  if (Object.getOwnPropertySymbols(value).length > 0) return `${path} has symbol keys`;
  return undefined;
}

/** The first path where two JSON texts' values differ (for "the input state was modified"). */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return `${path}: ${short(a)} → ${short(b)}`;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
}

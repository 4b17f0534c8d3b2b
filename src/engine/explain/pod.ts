// Why is this pod not Running? Before scheduling: every node with the filter plugin that
// rejected it (kept by the scheduler for this); after: what the kubelet is waiting for.
import type { Stored } from '../api/objects.ts';
import type { ClusterView } from '../index.ts';
import type { Explanation } from './types.ts';
import { conflictFixes, conflictSentence, zoneConflict } from './zone.ts';

type Pod = Stored<'Pod'>;

/** What would get a node past each plugin. */
const PLUGIN_FIXES: Record<string, string> = {
  NodeUnschedulable: 'uncordon the node (kubectl uncordon NODE)',
  NodeName: 'the pod names another node in spec.nodeName',
  TaintToleration: "add a toleration for the node's taint to the pod, or remove the taint",
  NodeAffinity: "label a node to match the pod's nodeSelector/affinity, or relax the selector",
  VolumeBinding: 'see the claims: kubesim explain pvc/NAME',
  VolumeZone: "run the pod in the volume's zone",
};

export function explainPod(view: ClusterView, pod: Pod): Explanation {
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const subject = `Pod ${key}`;
  if (!pod.spec?.nodeName) return explainUnscheduled(view, pod, key, subject);
  const waiting = pod.status?.containerStatuses?.find((c) => c.state?.waiting)?.state?.waiting;
  const phase = pod.metadata.deletionTimestamp ? 'Terminating' : waiting?.reason ?? pod.status?.phase ?? 'Pending';
  if (pod.status?.phase === 'Running' && !pod.metadata.deletionTimestamp) {
    return { subject, status: 'Running', headline: `It runs on node ${pod.spec.nodeName}; all its volumes are mounted.`, sections: [], fixes: [] };
  }
  const lastWarning = view
    .list('Event')
    .filter((e) => e.involvedObject.uid === pod.metadata.uid && e.type === 'Warning')
    .sort((a, b) => (a.lastTimestamp ?? '').localeCompare(b.lastTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name))
    .at(-1);
  if (waiting?.reason === 'CreateContainerConfigError') {
    return {
      subject,
      status: phase,
      headline: `It is on node ${pod.spec.nodeName}, but a container cannot be configured: ${waiting.message}. Environment variables are resolved when a container starts.`,
      sections: [],
      fixes: ['create the missing ConfigMap/Secret or key (the kubelet retries), or mark the reference optional: true'],
    };
  }
  return {
    subject,
    status: phase,
    headline: lastWarning
      ? `It is on node ${pod.spec.nodeName}, but the kubelet cannot start it yet: ${lastWarning.message}`
      : `It is on node ${pod.spec.nodeName} and its containers are being created.`,
    sections: [],
    fixes: lastWarning?.reason === 'FailedMount' ? ['make the volumes it mounts available (a bound claim, an existing ConfigMap/Secret); the kubelet retries'] : [],
  };
}

function explainUnscheduled(view: ClusterView, pod: Pod, key: string, subject: string): Explanation {
  const record = view.state.scheduling[key];
  if (!record) {
    return { subject, status: 'Pending', headline: 'The scheduler has not looked at it yet, or is waiting for its volumes to be bound on the node it chose.', sections: [], fixes: [] };
  }
  if (record.preFilter) {
    return {
      subject,
      status: 'Pending',
      headline: `No node was even tried: ${record.preFilter.reason} (${record.preFilter.plugin}).`,
      sections: [],
      fixes: [record.preFilter.reason.startsWith('persistentvolumeclaim') ? 'create the claim in the pod\'s namespace (claims are namespaced)' : 'see the claims: kubesim explain pvc/NAME'],
    };
  }
  const rows = Object.entries(record.nodes).map(([node, r]) => ({ name: node, verdict: r ? `${r.plugin}: ${r.reason}` : 'fits' }));
  const plugins = [...new Set(Object.values(record.nodes).flatMap((r) => (r ? [r.plugin] : [])))];
  // Held by its volume's topology: say where the volume is and where the pod can run; only the fixes that reach both.
  const conflict = zoneConflict(view, pod);
  if (conflict) {
    return {
      subject,
      status: 'Pending',
      headline: `No node passes every filter: ${record.message}\n${conflictSentence(conflict)}`,
      sections: [
        { title: 'Nodes (first filter plugin that rejected each)', rows },
        { title: 'Volumes (where each can be used)', rows: conflict.volumes.map((v) => ({ name: v.volume, verdict: `${v.zones.length > 0 ? `zone ${v.zones.join(', ')}` : `node ${v.nodes.join(', ')}`} (claim ${v.claim}, class ${v.className === '' ? '""' : v.className}${v.bindingMode ? `, ${v.bindingMode}` : ''})` })) },
      ],
      fixes: conflictFixes(conflict),
      needs: conflict.needs,
    };
  }
  return {
    subject,
    status: 'Pending',
    headline: rows.length === 0 ? 'There are no nodes in the cluster.' : `No node passes every filter: ${record.message}`,
    sections: rows.length ? [{ title: 'Nodes (first filter plugin that rejected each)', rows }] : [],
    fixes: rows.length === 0 ? ['add a node (apply a Node manifest)'] : plugins.map((p) => `${p}: ${fixFor(p, Object.values(record.nodes))}`),
  };
}

/** The node controller's own taints go away by themselves once the node is healthy again: say so. */
function fixFor(plugin: string, verdicts: readonly ({ plugin: string; reason: string } | null)[]): string {
  const silent = verdicts.some((v) => v?.plugin === 'TaintToleration' && /node\.kubernetes\.io\/(unreachable|not-ready)/.test(v.reason));
  if (plugin === 'TaintToleration' && silent) return 'the node is not Ready (its kubelet is silent); the taint goes once it posts Ready again (kubesim node recover NODE)';
  return PLUGIN_FIXES[plugin] ?? 'see the reason above';
}

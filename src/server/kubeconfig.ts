// The kubeconfig `kubesim serve` writes: one cluster at http://127.0.0.1:PORT (plain HTTP, which
// kubectl accepts for an http:// server), one user with no credentials, one context, current.
export const CONTEXT_NAME = 'kubesim';

export function kubeconfigText(port: number): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: http://127.0.0.1:${port}
  name: ${CONTEXT_NAME}
contexts:
- context:
    cluster: ${CONTEXT_NAME}
    namespace: default
    user: ${CONTEXT_NAME}
  name: ${CONTEXT_NAME}
current-context: ${CONTEXT_NAME}
preferences: {}
users:
- name: ${CONTEXT_NAME}
  user: {}
`;
}

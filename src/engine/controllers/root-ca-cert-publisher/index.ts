// root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher): every Active
// namespace gets the ConfigMap `kube-root-ca.crt` holding the cluster's CA bundle under `ca.crt`,
// which every pod's kube-api-access volume projects. Edits to its data or its description are
// undone, as the real publisher re-syncs them.
import type { Stored } from '../../api/objects.ts';
import type { Controller } from '../../runtime/controller.ts';
import { createObject } from '../../cluster/apply.ts';

export const ROOT_CA_CONFIG_MAP = 'kube-root-ca.crt';
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

/** The simulated cluster's CA: a self-signed `CN=kubernetes` certificate made for this project. */
export const CLUSTER_CA_CRT = `
-----BEGIN CERTIFICATE-----
MIIDGzCCAgOgAwIBAgIUfadCIQEuySYkFDXpP+rcy8hWlgQwDQYJKoZIhvcNAQEL
BQAwFTETMBEGA1UEAwwKa3ViZXJuZXRlczAeFw0yNjEyMDYwMDExMDVaFw0zNjEy
MDMwMDExMDVaMBUxEzARBgNVBAMMCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEB
AQUAA4IBDwAwggEKAoIBAQCqM7sGbq/klqyEd4ZNv8JtrDDCsC5rdOsqU6OQisir
Bqq0r6JkisBCKixYUMICwOGSAGrJstIKIuQ2igcxQuvB7cQ2lKkPADt9QKwhDqD9
/jJ//VwRDv8fKO4FPB7qKMiQCEy4wltgdMKb7MJIkqm+uIXteDZT6i5F8XXbTMgA
gleWzZ+fo7ZGRT8KI/RQjTnn9/mwtLoWWAjN8RJFYfqv2MuuCbJZcbSTbUeR5UnR
BykPt/Y9boNvhRrA92jmU5tZhSjS7tJ1PKwY1InzUJnNNIIq8gSZFHqFHuzyRxMf
omoa8/ERht9EKfxsz1w5viF5F5k33TTivYWKldAxt1IBAgMBAAGjYzBhMB0GA1Ud
DgQWBBS+u3cjS+B/izc66BW61UuB0b5IdDAfBgNVHSMEGDAWgBS+u3cjS+B/izc6
6BW61UuB0b5IdDAOBgNVHQ8BAf8EBAMCAqQwDwYDVR0TAQH/BAUwAwEB/zANBgkq
hkiG9w0BAQsFAAOCAQEAVZzdzKw/gZ5LCnu/q4v2ie5AdZlh2eRe+dtcM9eMpQnA
KIBhQD/KA6eBvLNrgg8Zm1W67DdMY+SKf5n3GEqmLOs0FTb3pwWQyxQ82aFZ4zgh
U3ihS7KQCcDI7L87B9WAAmvNKcAdNF/RI/6oDvBIMivMH5jWE1BIzif+WSSVKtX+
EjPjhoyv4UWRbp2Lf6N74hqYBeH0ttwxU6+ZMitvhcTyapvmQ12pyOCdBvf0AMUx
4FGPItXL3NsGGWLCvileES3NFcXPcnYfO7rakCG2SUYcJqaUphtZPdswnIR905/B
62ApWBn5jVdEJwWv7vWm8D27TPwKubYOONOMcuwYLg==
-----END CERTIFICATE-----
`.trimStart();

export const rootCACertPublisher: Controller = {
  name: 'root-ca-cert-publisher',
  source: 'root-ca-cert-publisher',
  sync(ctx) {
    for (const ns of ctx.txn.list('Namespace')) {
      const name = ns.metadata.name;
      if (ns.metadata.deletionTimestamp || (ns.status?.phase ?? 'Active') !== 'Active') continue;
      const cm = ctx.txn.get('ConfigMap', `${name}/${ROOT_CA_CONFIG_MAP}`);
      if (!cm) {
        createObject(ctx.txn, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: ROOT_CA_CONFIG_MAP, namespace: name, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } },
          data: { 'ca.crt': CLUSTER_CA_CRT },
        });
        ctx.step(`root-ca-cert-publisher created configmap ${name}/${ROOT_CA_CONFIG_MAP}`);
      } else if (!isCurrent(cm)) {
        // A description someone rewrote is kept; a missing or empty one is put back.
        const annotations = { ...cm.metadata.annotations };
        if (!annotations[DESCRIPTION_ANNOTATION]) annotations[DESCRIPTION_ANNOTATION] = DESCRIPTION;
        ctx.txn.update<'ConfigMap'>({
          ...cm,
          metadata: { ...cm.metadata, annotations },
          data: { 'ca.crt': CLUSTER_CA_CRT },
        });
        ctx.step(`root-ca-cert-publisher restored configmap ${name}/${ROOT_CA_CONFIG_MAP}`);
      }
    }
  },
};

/** The publisher's check: exactly the CA as data, and a description present (any text). */
function isCurrent(cm: Stored<'ConfigMap'>): boolean {
  const keys = Object.keys(cm.data ?? {});
  return keys.length === 1 && cm.data?.['ca.crt'] === CLUSTER_CA_CRT && !!cm.metadata.annotations?.[DESCRIPTION_ANNOTATION];
}

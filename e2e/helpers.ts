// Shared by the browser tests: the course's manifests, opening the page, applying through the
// test hook, and keeping screenshots for review.
import { copyFileSync, mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export const PV_AND_PVC = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: example-pv
spec:
  capacity:
    storage: 5Gi
  accessModes:
    - ReadWriteOnce
  persistentVolumeReclaimPolicy: Retain
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: example-pvc
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 2Gi
`;

export const PVC = PV_AND_PVC.slice(PV_AND_PVC.indexOf('apiVersion: v1\nkind: PersistentVolumeClaim'));

export const POD = `apiVersion: v1
kind: Pod
metadata:
  name: example-pod
spec:
  containers:
    - name: nginx
      image: nginx
      volumeMounts:
        - mountPath: /usr/share/nginx/html
          name: data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: example-pvc
`;

const SCREENSHOTS = 'reports/screenshots';

export async function open(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Kubernetes Storage Playground' })).toBeVisible();
  return errors;
}

export async function useHook(page: Page, text: string) {
  // Resolves once the engine's worker has answered and the store holds the result.
  await page.evaluate((t) => {
    window.__playground!.setEditorText(t);
    return window.__playground!.apply();
  }, text);
}

export function keep(path: string, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  copyFileSync(path, `${SCREENSHOTS}/${name}`);
}

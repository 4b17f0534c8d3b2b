import { describe, expect, it } from 'vitest';
import { toYaml } from './output-formats.ts';

describe('toYaml', () => {
  it('prints a value shared by two fields twice, never as a YAML anchor and alias (kubectl has none)', () => {
    const modes = ['ReadWriteOnce'];
    const text = toYaml({ spec: { accessModes: modes }, status: { accessModes: modes } });
    expect(text).not.toMatch(/[&*]ref_/);
    expect(text).toBe('spec:\n  accessModes:\n  - ReadWriteOnce\nstatus:\n  accessModes:\n  - ReadWriteOnce\n');
  });
});

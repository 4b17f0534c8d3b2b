// kubectl's custom columns: specs, templates, cells and errors as kubectl v1.32.4 printed them
// for the same objects (served to it from a stub API server).
import { describe, expect, it } from 'vitest';
import { columnsFromSpec, columnsFromTemplate, printCustomColumns } from './custom-columns.ts';
import type { GoValue } from '../jsonpath/index.ts';

const pv = (name: string, size: string, modes: string[], tier?: string): GoValue => ({
  metadata: { name, ...(tier ? { labels: { tier } } : {}) },
  spec: { capacity: { storage: size }, accessModes: modes },
});
const PVS = [pv('pv-large', '10Gi', ['ReadWriteOnce', 'ReadOnlyMany'], 'hot'), pv('pv-medium', '2Gi', ['ReadWriteOnce']), pv('pv-small', '500Mi', ['ReadWriteOnce'], 'cold')];

function table(spec: string, objects: GoValue[] = PVS, noHeaders = false) {
  const columns = columnsFromSpec(spec);
  if (!columns.ok) throw new Error(columns.error);
  return printCustomColumns(columns.columns, objects, noHeaders);
}

describe('custom columns', () => {
  it('lays out cells with the tabwriter; lists print as Go prints them, a missing field as <none>', () => {
    expect(table('NAME:.metadata.name,MODES:.spec.accessModes,TIER:.metadata.labels.tier').text).toBe(
      'NAME        MODES                          TIER\n' +
        'pv-large    [ReadWriteOnce ReadOnlyMany]   hot\n' +
        'pv-medium   [ReadWriteOnce]                <none>\n' +
        'pv-small    [ReadWriteOnce]                cold\n',
    );
  });

  it('joins several results with commas, and prints maps as map[k:v]', () => {
    expect(table('X:.spec.accessModes[*],C:.spec.capacity', [PVS[0]!]).text).toBe('X                            C\nReadWriteOnce,ReadOnlyMany   map[storage:10Gi]\n');
  });

  it('accepts the relaxed forms of a path', () => {
    for (const path of ['metadata.name', '.metadata.name', '{metadata.name}', '{.metadata.name}']) {
      expect(table(`N:${path}`, [PVS[2]!]).text).toBe('N\npv-small\n');
    }
  });

  it('--no-headers leaves the header out; an empty list prints the header alone', () => {
    expect(table('N:.metadata.name', PVS, true).text).toBe('pv-large\npv-medium\npv-small\n');
    expect(table('N:.metadata.name', []).text).toBe('N\n');
  });

  it('keeps the header when a column fails, and says why', () => {
    expect(table('N:.metadata.name,X:.spec.accessModes[5]')).toEqual({ text: 'N     X\n', error: 'array index out of bounds: index 5, length 2' });
    expect(table('N:.spec[')).toEqual({ text: 'N\n', error: 'unterminated array' });
  });

  it('refuses bad specs as kubectl does', () => {
    expect(columnsFromSpec('')).toEqual({ ok: false, error: 'custom-columns format specified but no custom columns given' });
    expect(columnsFromSpec('NAME')).toEqual({ ok: false, error: 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>' });
    expect(columnsFromSpec('NAME:{.metadata.name')).toEqual({
      ok: false,
      error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    });
  });

  it('reads a template file: a line of headers, a line of paths', () => {
    const columns = columnsFromTemplate('NAME   CLAIM\nmetadata.name   {.spec.claimRef.name}\n');
    expect(columns).toEqual({ ok: true, columns: [{ header: 'NAME', fieldSpec: '{.metadata.name}' }, { header: 'CLAIM', fieldSpec: '{.spec.claimRef.name}' }] });
    expect(columnsFromTemplate('A B\n.a\n')).toEqual({ ok: false, error: "number of headers (2) and field specifications (1) don't match" });
    expect(columnsFromTemplate('A B\n')).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid template, missing spec line\./) });
    expect(columnsFromTemplate('')).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid template, missing header line\./) });
  });
});

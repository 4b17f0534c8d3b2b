// The terminal line that applies a `kubectl edit` saved in the editor pane runs in the terminal's
// shell as bash and kubectl would: the object is updated, and the learner's text comes back.
import { describe, expect, it } from 'vitest';
import { createCluster, getObject, readerOf } from '../../engine/index.ts';
import { createHostSession } from '../../commands/shell/host-shell.ts';
import { runScript } from '../../commands/script/run-script.ts';
import { appStore } from '../../store/index.ts';
import { editLine, endEdit, startEdit } from './kubectl-edit.ts';

describe('kubectl edit in the editor pane', () => {
  it('the saved text, applied by the line the terminal runs', () => {
    const session = createHostSession(createCluster({ preset: 'kind' }), { read: () => undefined }, { browserTerminal: true });
    const files = { read: () => undefined };
    runScript('kubectl create deployment web --image=nginx:1.27\nkubectl edit deploy/web\n', { state: session.state, quiet: true, files, session });
    const effect = session.effects.splice(0)[0]!;
    expect(effect.type).toBe('edit');
    const saved = effect.text.replace('replicas: 1', 'replicas: 2');
    const r = runScript(`${editLine(effect, saved)}\n`, { state: session.state, quiet: true, files, session });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web edited\n');
    const d = getObject(readerOf(r.state), 'Deployment', 'default', 'web');
    expect(d.ok && d.value.kind === 'Deployment' && d.value.spec?.replicas).toBe(2);
    // A line of the text that looks like the heredoc's end does not end it early.
    expect(editLine(effect, 'a\nKUBECTL_EDIT\n')).toContain("<<'KUBECTL_EDIT_'\na\nKUBECTL_EDIT\nKUBECTL_EDIT_\n");
  });

  it("puts the learner's text aside and gives it back, whether the edit is saved or abandoned", async () => {
    appStore.getState().setEditorText('mine: 1\n');
    const effect = { type: 'edit' as const, text: '# header\nkind: Pod\n', resource: 'pods/x' };
    const saving = startEdit(effect);
    expect(appStore.getState().editorText).toBe('# header\nkind: Pod\n');
    appStore.getState().setEditorText('# header\nkind: Pod\nx: 1\n');
    endEdit('save');
    expect(await saving).toBe('# header\nkind: Pod\nx: 1\n');
    expect(appStore.getState().editorText).toBe('mine: 1\n');
    const abandoning = startEdit(effect);
    endEdit(undefined);
    expect(await abandoning).toBeUndefined();
    expect(appStore.getState().editorText).toBe('mine: 1\n');
  });
});

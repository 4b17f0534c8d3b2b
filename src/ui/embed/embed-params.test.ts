import { describe, expect, it } from 'vitest';
import { DEFAULT_PANES, fullPlaygroundUrl, parseEmbedParams, unknownPanesWarning } from './embed-params.ts';

describe('embed params', () => {
  it('is null without ?embed (the full playground)', () => {
    expect(parseEmbedParams('')).toBeNull();
    expect(parseEmbedParams('?theme=dark')).toBeNull();
  });

  it('reads the chosen panes, each once, in layout order, case and spaces forgiven', () => {
    expect(parseEmbedParams('?embed=canvas')!.panes).toEqual(['canvas']);
    expect(parseEmbedParams('?embed=canvas,editor')!.panes).toEqual(['editor', 'canvas']);
    expect(parseEmbedParams('?embed=lesson,%20Canvas,canvas')!.panes).toEqual(['canvas', 'lesson']);
    expect(parseEmbedParams('?embed=canvas,terminal')!.panes).toEqual(['canvas', 'terminal']);
  });

  it('gives editor and canvas for ?embed, ?embed=1, an empty list or only unknown names', () => {
    for (const q of ['?embed', '?embed=', '?embed=1', '?embed=true', '?embed=,,']) {
      expect(parseEmbedParams(q)).toEqual({ panes: [...DEFAULT_PANES], unknown: [] });
    }
    expect(parseEmbedParams('?embed=kanvas')).toEqual({ panes: ['editor', 'canvas'], unknown: ['kanvas'] });
  });

  it('reports unknown pane names and keeps the known ones', () => {
    const p = parseEmbedParams('?embed=canvas,graph,<script>')!;
    expect(p.panes).toEqual(['canvas']);
    expect(p.unknown).toEqual(['graph', '<script>']);
    expect(unknownPanesWarning(p.unknown)).toBe('kubesim embed: ignoring unknown panes "graph", "<script>" (known panes: editor, canvas, terminal, dock, lesson)');
    expect(unknownPanesWarning(['x'])).toContain('unknown pane "x"');
    expect(unknownPanesWarning([])).toBeNull();
  });

  it('takes a light or dark theme and a title, and ignores other themes', () => {
    expect(parseEmbedParams('?embed=canvas&theme=dark&title=Static%20PVs')).toMatchObject({ theme: 'dark', title: 'Static PVs' });
    expect(parseEmbedParams('?embed=canvas&theme=purple')).not.toHaveProperty('theme');
    expect(parseEmbedParams(`?embed&title=${'x'.repeat(300)}`)!.title).toHaveLength(80);
    expect(parseEmbedParams('?embed&title=%20%20')).not.toHaveProperty('title');
  });

  it('builds the full playground address without the embed parameters', () => {
    const loc = { origin: 'https://play.example', pathname: '/k8s/', search: '?embed=lesson,canvas&theme=dark&title=T&lang=en' };
    expect(fullPlaygroundUrl(loc, '#s=v1.abc')).toBe('https://play.example/k8s/?lang=en#s=v1.abc');
    expect(fullPlaygroundUrl({ ...loc, search: '?embed=canvas' }, '#lesson=static-binding&step=2')).toBe('https://play.example/k8s/#lesson=static-binding&step=2');
    expect(fullPlaygroundUrl({ ...loc, search: '?embed' }, '')).toBe('https://play.example/k8s/');
  });
});

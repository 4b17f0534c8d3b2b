// The embedded playground (`?embed=PANES`, docs/embed.md): only the chosen panes, under a slim bar,
// for an <iframe> in a docs page or course site. What to show comes from the fragment as in the
// full playground: a share link (`#s=…`, opened by the same code) or a lesson (`#lesson=ID&step=N`,
// started at once: the host page chose it, there is nothing of the learner's to protect here,
// since an embed keeps nothing across loads, page-storage.ts). The host page drives it and hears
// from it through postMessage (embed-bridge.ts).
import { lazy, Suspense, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { appStore } from '../../store/index.ts';
import { CanvasBar } from '../canvas/CanvasBar.tsx';
import { ClusterCanvas } from '../canvas/ClusterCanvas.tsx';
import { Narration } from '../canvas/Narration.tsx';
import { EditorPane } from '../editor/EditorPane.tsx';
import { BottomDock } from '../timeline/BottomDock.tsx';
import { BusyIndicator } from '../app/BusyIndicator.tsx';
import { ErrorBoundary } from '../app/ErrorBoundary.tsx';
import { layoutStore, useLayout } from '../app/layout-store.ts';
import { ResetUndoToast } from '../app/ResetUndoToast.tsx';
import { ShareLinkBanner } from '../app/ShareLinkBanner.tsx';
import { useApplyShortcut } from '../app/useApplyShortcut.ts';
import { useShareLinkOnLoad } from '../app/useShareLinkOnLoad.ts';
import { useThemeClass } from '../app/useThemeClass.ts';
import { lessonLink } from '../lessons/lesson-entry.ts';
import { createEmbedBridge, hostOriginHint, type LessonDeps } from './embed-bridge.ts';
import { loadEmbedLessons } from './embed-lessons.ts';
import { unknownPanesWarning, type EmbedParams } from './embed-params.ts';
import { EmbedBar } from './EmbedBar.tsx';

const TerminalPane = lazy(() => import('../terminal/TerminalPane.tsx'));
const LessonPane = lazy(() => import('../lessons/LessonPane.tsx').then((m) => ({ default: m.LessonPane })));

async function openShare(hash: string) {
  const { openShareLink } = await import('../app/share-open.ts');
  const r = await openShareLink(hash.startsWith('#') ? hash : `#${hash}`, appStore, () => false);
  if (r.status === 'opened') return { ok: true as const };
  return { ok: false as const, error: r.status === 'failed' ? r.error : 'this is not a share link' };
}

/** The bridge for the page's lifetime, the lesson layer once it is loaded, and a notice for the learner. */
function useBridge(): { lessons: LessonDeps | null; notice: string | null } {
  const [lessons, setLessons] = useState<LessonDeps | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const bridge = createEmbedBridge({
      window: { parent: window.parent === window ? null : window.parent, addEventListener: (t, f) => window.addEventListener(t, f), removeEventListener: (t, f) => window.removeEventListener(t, f) },
      app: appStore,
      lessons: () =>
        loadEmbedLessons().then((d) => {
          setLessons(d);
          return d;
        }),
      hostOrigin: hostOriginHint(window.location.ancestorOrigins, document.referrer),
      openShare,
      notify: setNotice,
    });
    // `#lesson=` now, and whenever the host changes the frame's fragment to another lesson.
    const openLesson = () => {
      const link = lessonLink(window.location.hash);
      if (link) void bridge.startLesson(link.id, link.step);
    };
    openLesson();
    window.addEventListener('hashchange', openLesson);
    return () => {
      window.removeEventListener('hashchange', openLesson);
      bridge.dispose();
    };
  }, []);
  return { lessons, notice };
}

export default function EmbedApp({ params }: { params: EmbedParams }) {
  useThemeClass();
  useApplyShortcut();
  useEffect(() => {
    const warning = unknownPanesWarning(params.unknown);
    if (warning) console.warn(warning);
    // A theme the host page asked for (kept in memory only, as all of an embed's state).
    if (params.theme) appStore.getState().setTheme(params.theme);
  }, [params]);
  const shareLink = useShareLinkOnLoad();
  const { lessons, notice } = useBridge();
  const presentation = useLayout((s) => s.presentation);
  const has = (p: EmbedParams['panes'][number]) => params.panes.includes(p);
  const bottom = has('dock') ? 'dock' : has('terminal') ? 'terminal' : null;
  const centre = has('canvas') || bottom !== null;
  const editor = has('editor') && !presentation;

  return (
    <div data-embed={params.panes.join(',')} className="flex h-dvh min-h-0 flex-col overflow-hidden bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <EmbedBar lessons={lessons} title={params.title} />
      <ShareLinkBanner {...shareLink} />
      {notice && (
        <p role="alert" className="border-b border-rose-200 bg-rose-50 px-3 py-1.5 text-sm text-rose-900 dark:border-rose-400/30 dark:bg-rose-950 dark:text-rose-100">
          {notice}
        </p>
      )}
      <ResetUndoToast />
      <main className="flex min-h-0 flex-1">
        {editor && (
          <section aria-label="Manifest editor" className={`flex min-w-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${centre ? 'w-[40%] max-w-[36rem] shrink-0' : 'flex-1'}`}>
            <ErrorBoundary area="editor">
              <EditorPane />
            </ErrorBoundary>
          </section>
        )}
        {centre && (
          <section className="flex min-w-0 flex-1 flex-col">
            {has('canvas') && (
              <div className="flex min-h-0 flex-1 flex-col" aria-label="Cluster" role="region">
                <CanvasBar presentation={presentation} onTogglePresentation={() => layoutStore.getState().setPresentation(!presentation)} />
                <div className="relative min-h-0 flex-1">
                  <ErrorBoundary area="canvas">
                    <ClusterCanvas />
                  </ErrorBoundary>
                  <Narration />
                  <BusyIndicator />
                </div>
              </div>
            )}
            {bottom && <Bottom kind={bottom} alone={!has('canvas')} />}
          </section>
        )}
        {has('lesson') && (
          <div className={`flex min-h-0 ${centre || editor ? 'shrink-0' : 'flex-1 justify-center'}`}>
            <ErrorBoundary area="lesson">
              <Suspense fallback={<PaneNote>Loading the lesson…</PaneNote>}><LessonSlot lessons={lessons} /></Suspense>
            </ErrorBoundary>
          </div>
        )}
      </main>
    </div>
  );
}

/** The terminal alone, or the whole dock (terminal, events, inspector, explain, timeline), under the canvas. */
function Bottom({ kind, alone }: { kind: 'dock' | 'terminal'; alone: boolean }) {
  return (
    <div className={`flex min-h-0 flex-col overflow-hidden border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${alone ? 'flex-1' : 'h-[38%] min-h-36 shrink-0'}`}>
      <ErrorBoundary area={kind}>
        {kind === 'dock' ? (
          <BottomDock />
        ) : (
          <div data-testid="embed-terminal" className="flex min-h-0 flex-1 flex-col bg-[#0b1020]">
            <Suspense fallback={<PaneNote>Loading the terminal…</PaneNote>}>
              <TerminalPane active />
            </Suspense>
          </div>
        )}
      </ErrorBoundary>
    </div>
  );
}

/** The lesson pane while a lesson is open; a note saying how to open one otherwise. */
function LessonSlot({ lessons }: { lessons: LessonDeps | null }) {
  const open = useSyncExternalStore(lessons ? lessons.store.subscribe : noStore, () => lessons?.store.getState().active != null);
  return open ? <LessonPane /> : <NoLesson />;
}

const noStore = () => () => {};

function NoLesson() {
  return <PaneNote>No lesson open. The page that embeds this playground can open one (#lesson=ID in the address, or a kubesim:load message).</PaneNote>;
}

function PaneNote({ children }: { children: ReactNode }) {
  return <p className="w-[22rem] border-l border-slate-200 bg-white p-3 text-xs text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">{children}</p>;
}

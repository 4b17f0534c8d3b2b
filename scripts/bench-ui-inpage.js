// Runs inside the page before the app's own scripts (Playwright's addInitScript), for
// scripts/bench-ui.ts. Plain browser JavaScript read as text, so no TypeScript or tsx helpers
// leak into the page. Every time is performance.now(): milliseconds since navigation start.
//
// window.__benchOptions (set by an earlier init script):
//   firstScreen  — watch for the first volume card and its selection (the observers cost work on
//                  every DOM change, so pages measuring something else go without them);
//   applyStarter — apply the editor's starter manifest as soon as the test hook appears, before
//                  React's first render (what a share link would do), unless the cluster already
//                  holds volumes.
(() => {
  const options = window.__benchOptions || {};
  const now = () => performance.now();

  /** Calls back with the time just after the next frame is painted (rAF, then a task after it). */
  const afterPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(now());
      channel.port2.postMessage(null);
    });

  const PV_CARD = '.react-flow__node[aria-label^="PersistentVolume "]';
  const onScreen = (el) => {
    const r = el.getBoundingClientRect();
    const inWindow = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    return inWindow && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  };

  // First screen: when a volume card is on screen, when input arrives, when the selection shows.
  const marks = {
    cardDom: null,
    cardPainted: null,
    input: null,
    /** Whether that press landed on a volume card (false: the card moved away first). */
    inputOnCard: null,
    selectedDom: null,
    selectedPainted: null,
    editorReady: null,
    appliedStarter: false,
    /** Main-thread tasks over 50 ms (start, duration): what kept the page from painting or answering. */
    longTasks: [],
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: the column stays empty
  }
  const check = () => {
    if (marks.cardDom === null) {
      for (const el of document.querySelectorAll(PV_CARD)) {
        if (!onScreen(el)) continue;
        marks.cardDom = now();
        afterPaint((t) => (marks.cardPainted = t));
        break;
      }
    }
    if (marks.input !== null && marks.selectedDom === null && document.querySelector(`${PV_CARD}.selected`)) {
      marks.selectedDom = now();
      afterPaint((t) => (marks.selectedPainted = t));
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  // A backstop for layout-only changes the observer cannot see (a pane resized by its parent).
  const poll = () => {
    check();
    if (marks.cardDom === null) requestAnimationFrame(poll);
  };
  if (options.firstScreen) {
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'style', 'aria-label'] });
    requestAnimationFrame(poll);
  }
  // The input's own timestamp: when the browser received it, not when a busy page got round to it.
  // The last press before the selection shows counts (a first click that missed is superseded).
  addEventListener(
    'pointerdown',
    (e) => {
      if (marks.selectedDom !== null) return;
      marks.input = e.timeStamp;
      marks.inputOnCard = e.target instanceof Element && e.target.closest(PV_CARD) !== null;
    },
    true,
  );

  /** The centre of an on-screen volume card, if the card itself is what a click there would hit. */
  const cardPoint = () => {
    for (const el of document.querySelectorAll(PV_CARD)) {
      if (!onScreen(el)) continue;
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (document.elementFromPoint(x, y)?.closest('.react-flow__node') === el) return { x, y };
    }
    return null;
  };

  // Catch the test hook as the app installs it: note when Monaco reports ready, and apply the starter.
  let hook;
  Object.defineProperty(window, '__playground', {
    configurable: true,
    enumerable: true,
    get: () => hook,
    set: (value) => {
      hook = value;
      let ready = value.editorReady;
      Object.defineProperty(value, 'editorReady', {
        configurable: true,
        enumerable: true,
        get: () => ready,
        set: (v) => {
          ready = v;
          if (v && marks.editorReady === null) marks.editorReady = now();
        },
      });
      if (options.applyStarter) {
        queueMicrotask(() => {
          const volumes = value.getState().cluster?.objects?.PersistentVolume ?? {};
          if (Object.keys(volumes).length > 0) return;
          value.apply();
          marks.appliedStarter = true;
        });
      }
    },
  });

  /** From Apply to the card `label` in the canvas DOM (and painted), in ms; rejects if it was there already. */
  const measureApply = (label, timeoutMs) =>
    new Promise((resolve, reject) => {
      // A card, or zoomed out on a large cluster a tile of the overview (src/ui/canvas/overview.ts).
      const selector = ['.react-flow__node', '.overview-tile'].map((c) => `${c}[aria-label=${JSON.stringify(label)}]`).join(', ');
      // The largest overviews paint their tiles on a canvas (src/ui/canvas/OverviewCanvas.tsx), which lists what it painted.
      const painted = () => [...document.querySelectorAll('canvas.overview-canvas[data-painted]')].some((c) => c.overviewTiles?.some((t) => t.ariaLabel === label));
      const found = () => document.querySelector(selector) || painted();
      if (found()) return reject(new Error(`"${label}" is on the canvas before Apply: the cluster was not reset`));
      let t0 = 0;
      const timer = setTimeout(() => {
        watch.disconnect();
        reject(new Error(`no card "${label}" within ${timeoutMs} ms of Apply`));
      }, timeoutMs);
      const watch = new MutationObserver(() => {
        if (!found()) return;
        const dom = now() - t0;
        watch.disconnect();
        clearTimeout(timer);
        afterPaint((t) => resolve({ dom, painted: t - t0 }));
      });
      watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label', 'data-painted'] });
      t0 = now();
      window.__playground.apply();
    });

  /**
   * Counts animation frames for `ms`. mode 'play' keeps the timeline playing (from frame
   * `replayFrom` again when it reaches the live end); 'pan' and 'play' also count frames in which
   * something moved (the viewport transform, or the timeline cursor), to show the work was really
   * happening.
   */
  const countFrames = (ms, mode, replayFrom = 0) =>
    new Promise((resolve) => {
      const stamps = [];
      const viewport = document.querySelector('.react-flow__viewport');
      let last = mode === 'pan' ? viewport?.style.transform : mode === 'play' ? window.__playground.timeline.position().cursor : null;
      let changed = 0;
      let restarts = 0;
      const frame = (t) => {
        stamps.push(t);
        if (mode === 'pan' || mode === 'play') {
          const position = mode === 'play' ? window.__playground.timeline.position() : null;
          const current = mode === 'pan' ? viewport?.style.transform : position.cursor;
          if (current !== last) changed++;
          last = current;
          if (position && !position.playing) {
            window.__playground.timeline.seek(replayFrom);
            window.__playground.timeline.play();
            restarts++;
          }
        }
        if (t - stamps[0] < ms) return void requestAnimationFrame(frame);
        const gaps = stamps.slice(1).map((s, i) => s - stamps[i]);
        const duration = stamps.at(-1) - stamps[0];
        resolve({
          fps: (gaps.length / duration) * 1000,
          frames: gaps.length,
          worstGap: Math.max(...gaps),
          // Frames a 60 Hz display would have shown that the page missed.
          dropped: gaps.reduce((n, g) => n + Math.max(0, Math.round(g / (1000 / 60)) - 1), 0),
          changed,
          restarts,
          // Every frame's time, for the median and p95 (bench-ui-frames.ts).
          gaps,
        });
      };
      requestAnimationFrame(frame);
    });

  /** A point on the empty canvas (the pane itself is the topmost element there), for a pan drag. */
  const emptyPanePoint = () => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return null;
    const r = pane.getBoundingClientRect();
    for (let fy = 0.5; fy < 0.95; fy += 0.05) {
      for (const sign of [1, -1]) {
        const y = r.top + r.height * (0.5 + sign * (fy - 0.5));
        for (let fx = 0.05; fx < 0.95; fx += 0.05) {
          const x = r.left + r.width * fx;
          if (document.elementFromPoint(x, y) === pane) return { x, y, width: r.width, height: r.height };
        }
      }
    }
    return null;
  };

  /** Cards (React Flow nodes, or the overview's tiles) in the DOM, and how many of them overlap the visible pane. */
  const nodesOnScreen = () => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    const nodes = [...document.querySelectorAll('.react-flow__node, .overview-tile')];
    const onScreen = pane
      ? nodes.filter((n) => {
          const r = n.getBoundingClientRect();
          return r.width > 0 && r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
        }).length
      : 0;
    // Tiles painted on the overview's canvas count as on screen (it paints only those).
    const canvasTiles = [...document.querySelectorAll('canvas.overview-canvas[data-painted]')].reduce((n, c) => n + Number(c.dataset.painted), 0);
    return { total: nodes.length + canvasTiles, onScreen: onScreen + canvasTiles };
  };

  window.__bench = { marks, cardPoint, measureApply, countFrames, emptyPanePoint, nodesOnScreen };
})();

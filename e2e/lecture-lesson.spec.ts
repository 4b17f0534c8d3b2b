// Lecture mode (issue 12): a teacher opens a lesson link with `&lecture=1` and steps through it
// with the keyboard (a presenter's clicker sends the same keys). → runs the step's solution, played
// out controller step by step (the claim Pending, then Bound, captioned), the goals turn green; →
// again is the next step; ← goes back in the text only; Escape leaves. A fresh `#lesson=` link
// starts at once; over saved work it starts too, and Undo brings the work back. Screenshots of the
// band light and dark at 1280×720, 1920×1080 and 150 % zoom on a 720p projector, each checked for
// nothing cut off.
import { expect, test, type Page } from "@playwright/test";
import { keep, open } from "./helpers.ts";

const LINK = "/#lesson=csi-lifecycle&step=1&lecture=1";
const CLAIM = '[data-testid^="card-"][data-testid$="ebs-claim"]';
const band = (page: Page) => page.getByRole("complementary", { name: "Lecture" });
const pane = (page: Page) => page.getByRole("complementary", { name: "Lesson" });
const next = (page: Page) => page.getByTestId("lecture-next");

/** Records, every animation frame, the claim card's status and the caption over the canvas. */
async function record(page: Page) {
  await page.evaluate((sel) => {
    const w = window as unknown as { seen: { status: string | null; caption: string | null }[] };
    w.seen = [];
    const look = () => {
      const status = document.querySelector(sel)?.getAttribute("data-status") ?? null;
      const caption = document.querySelector('[data-testid="step-caption"]')?.textContent ?? null;
      const last = w.seen.at(-1);
      if (!last || last.status !== status || last.caption !== caption) w.seen.push({ status, caption });
      requestAnimationFrame(look);
    };
    look();
  }, CLAIM);
}
async function shoot(page: Page, name: string) {
  await page.waitForTimeout(300); // the cards' fade-in
  const path = test.info().outputPath(name);
  await page.screenshot({ path });
  keep(path, name);
}
const seen = (page: Page) =>
  page.evaluate(() => (window as unknown as { seen: { status: string | null; caption: string | null }[] }).seen);

test("lecture mode from a link: → plays the solution out (Pending, then Bound), → next step, ← back, Escape leaves", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(LINK);
  await expect(band(page)).toContainText("Step 1 of 4");
  await expect(band(page)).toContainText("CSI: provision, attach, mount, expand");
  await expect(page.getByTestId("lecture-prose")).toContainText("the CSI driver");
  // Presentation mode, play-out on, the side pane replaced.
  await expect(page.getByRole("region", { name: "Manifest editor" })).toBeHidden();
  await expect(pane(page)).toHaveCount(0);
  await expect(page.getByTestId("play-out-toggle")).toHaveAttribute("aria-pressed", "true");
  // Large type: the prose's glyphs are 16 px or more on screen at 1280×720 (the pane's are 14).
  const line = await page.getByTestId("lecture-prose").locator("p").first().evaluate((p) => {
    const r = document.createRange();
    r.selectNodeContents(p);
    return r.getClientRects()[0]!.height;
  });
  expect(line).toBeGreaterThanOrEqual(18);
  await expect(next(page)).toContainText("Next: run the solution");
  await expect(band(page).locator('[data-goal="provisioned"]')).toHaveAttribute("data-met", "false");
  await shoot(page, "lecture-1280x720-start-light.png");

  await record(page);
  await page.keyboard.press("ArrowRight");
  await expect(band(page)).toHaveAttribute("data-move", "playing");
  await expect(next(page)).toContainText("Playing out");
  await expect(page.getByTestId("step-caption")).toBeVisible();
  await expect(page.locator(CLAIM)).toHaveAttribute("data-status", /Pending/);
  // A second press during the play-out does not run the solution again.
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("lecture-narration")).toBeVisible();

  await expect(band(page).locator('[data-goal="provisioned"]')).toHaveAttribute("data-met", "true", { timeout: 30_000 });
  await expect(page.locator(CLAIM)).toHaveAttribute("data-status", /Bound/);
  await expect(next(page)).toContainText("Next step", { timeout: 20_000 });
  await shoot(page, "lecture-1280x720-met-light.png");
  const log = await seen(page);
  const firstPending = log.findIndex((s) => /Pending/.test(s.status ?? ""));
  const firstBound = log.findIndex((s) => /Bound/.test(s.status ?? ""));
  expect(firstPending).toBeGreaterThanOrEqual(0);
  expect(firstBound).toBeGreaterThan(firstPending);
  const captions = [...new Set(log.map((s) => s.caption).filter(Boolean))].join("\n");
  expect(captions).toMatch(/scheduler/);
  expect(captions).toMatch(/provision/i);
  // The band kept the controllers' captions of what the Apply did.
  await expect(page.getByTestId("lecture-narration")).toContainText(/ebs\.csi\.aws\.com|provision/i);
  // The solution ran once: one Apply on the timeline (the lesson's setup has none).
  const actions = await page.evaluate(() => window.__playground!.timeline.position());
  expect(actions.frames).toBeGreaterThan(3);

  await page.keyboard.press("ArrowRight");
  await expect(band(page)).toContainText("Step 2 of 4");
  await expect(band(page)).toContainText("Attach, then mount");
  await expect(next(page)).toContainText("Next: run the solution");

  // Back: the text of step 1, the cluster as it is, said on screen; → returns without re-running.
  await page.keyboard.press("PageUp");
  await expect(band(page)).toContainText("Step 1 of 4");
  await expect(band(page).getByRole("status")).toContainText("the cluster stays as it is after step 2");
  await shoot(page, "lecture-1280x720-back-light.png");
  await expect(next(page)).toContainText("Next step");
  // Space on the focused Next button is one press, not the button's click as well.
  const frames = (await page.evaluate(() => window.__playground!.timeline.position())).frames;
  await next(page).focus();
  await page.keyboard.press(" ");
  await expect(band(page)).toContainText("Step 2 of 4");
  await page.waitForTimeout(300);
  await expect(next(page)).toContainText("Next: run the solution");
  expect((await page.evaluate(() => window.__playground!.timeline.position())).frames).toBe(frames);

  // The terminal keeps its keys: → there moves its cursor, not the lecture.
  await page.getByRole("tab", { name: /Terminal/ }).click();
  await page.locator(".xterm-helper-textarea").focus();
  await page.keyboard.type("kubectl get pv");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press(" ");
  await expect(band(page)).toContainText("Step 2 of 4");
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  await page.keyboard.press("Escape");
  await expect(band(page)).toHaveCount(0);
  await expect(pane(page)).toContainText("Step 2 of 4");
  await expect(page.getByRole("region", { name: "Manifest editor" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a fresh #lesson= link starts at once, without a question; the pane's Lecture button enters lecture mode", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/#lesson=static-binding&step=2");
  await expect(pane(page)).toContainText("Step 2 of 3");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Cluster reset" })).toHaveCount(0);
  // The fragment is gone, so a reload resumes rather than restarts.
  expect(new URL(page.url()).hash).toBe("");

  await pane(page).getByRole("button", { name: "Lecture" }).click();
  await expect(band(page)).toContainText("Step 2 of 3");
  await expect(page.getByRole("region", { name: "Manifest editor" })).toBeHidden();
  // Space is "next" too: the claim's solution runs.
  await page.keyboard.press(" ");
  await expect(band(page).locator('[data-goal="claim-bound"]')).toHaveAttribute("data-met", "true", { timeout: 20_000 });
  // A reload in front of the class stays in the lecture.
  await page.reload();
  await expect(band(page)).toContainText("Step 2 of 3");
  await band(page).getByRole("button", { name: "Leave lecture mode" }).click();
  await expect(band(page)).toHaveCount(0);
  await expect(pane(page)).toContainText("Step 2 of 3");
  await expect(page.getByRole("region", { name: "Manifest editor" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a lesson link over saved work starts the lesson, and Undo brings the work back", async ({ page }) => {
  const errors = await open(page);
  await page.evaluate(() => window.__playground!.run("kubectl create configmap mine --from-literal=a=b"));
  const mine = page.getByRole("group", { name: /^ConfigMap mine/ });
  await expect(mine).toBeVisible();
  await page.waitForTimeout(400); // past the session storage's debounce
  await page.goto("about:blank");
  await page.goto("/#lesson=static-binding");
  await expect(pane(page)).toContainText("Step 1 of 3");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  const toast = page.getByRole("status").filter({ hasText: "Cluster reset" });
  await expect(toast).toContainText("1 action on");
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(pane(page)).toHaveCount(0);
  await expect(mine).toBeVisible();
  expect(errors).toEqual([]);
});

const SIZES = [
  { name: "1280x720", width: 1280, height: 720, scale: 1 },
  { name: "1920x1080", width: 1920, height: 1080, scale: 1 },
  // 150 % browser zoom on a 720p projector: the page lays out in 853×480 CSS pixels.
  { name: "1280x720-zoom150", width: 853, height: 480, scale: 1.5 },
] as const;

for (const size of SIZES) {
  test(`lecture mode at ${size.name}: nothing cut off, the canvas keeps most of the screen (screenshots)`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(LINK);
    await expect(band(page)).toContainText("Step 1 of 4");
    await page.keyboard.press("ArrowRight");
    // Mid play-out: a few controllers have acted (the scheduler, the binder), the rest to come.
    await expect(band(page)).toContainText(/Controller steps · [3-6] of \d+/, { timeout: 15_000 });

    const box = await page.evaluate(() => {
      const rect = (el: Element | null) => el?.getBoundingClientRect() ?? null;
      const b = rect(document.querySelector('[data-testid="lecture-band"]'))!;
      const n = rect(document.querySelector('[data-testid="lecture-next"]'))!;
      const canvas = rect(document.querySelector(".react-flow"))!;
      const scroller = document.querySelector('[data-testid="lecture-scroller"]')!;
      return { b, n, canvas, vw: innerWidth, vh: innerHeight, docW: document.documentElement.scrollWidth, proseScrolls: scroller.scrollHeight > scroller.clientHeight + 1 };
    });
    expect(box.b.right).toBeLessThanOrEqual(box.vw + 0.5);
    expect(box.b.bottom).toBeLessThanOrEqual(box.vh + 0.5);
    expect(box.n.bottom).toBeLessThanOrEqual(box.vh + 0.5);
    expect(box.n.right).toBeLessThanOrEqual(box.vw + 0.5);
    expect(box.docW).toBeLessThanOrEqual(box.vw);
    expect(box.canvas.width).toBeGreaterThanOrEqual(box.vw * 0.6);
    // At 1280×720 and above the step's prose fits without scrolling.
    if (size.scale === 1) expect(box.proseScrolls).toBe(false);

    await page.waitForTimeout(300); // the cards' fade-in
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const path = test.info().outputPath(`lecture-${size.name}-${scheme}.png`);
      await page.screenshot({ path });
      keep(path, `lecture-${size.name}-${scheme}.png`);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
}

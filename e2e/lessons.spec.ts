import { expect, test, type Page } from "@playwright/test";
import { keep, open } from "./helpers.ts";

// A lesson walked with real keyboard input: the browser (L), static-binding's first step in the
// terminal, a wrong attempt earning a hint, the goals turning green, Next step, and the progress
// surviving a reload. Screenshots of the pane light and dark at 1280×720 and 1920×1080.

const lastLine = (page: Page) =>
  page.locator(".xterm-rows > div").evaluateAll(
    (rows) =>
      rows
        .map((r) => (r.textContent ?? "").replace(/\u00a0/g, " ").trim())
        .filter(Boolean)
        .pop() ?? "",
  );
const pane = (page: Page) =>
  page.getByRole("complementary", { name: "Lesson" });
const goal = (page: Page, id: string) =>
  pane(page).locator(`[data-goal="${id}"]`);

async function run(page: Page, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
  await expect.poll(() => lastLine(page)).toBe("$");
}

async function shoot(page: Page, name: string) {
  const path = test.info().outputPath(name);
  await pane(page).screenshot({ path });
  keep(path, name);
}

test("a lesson with the keyboard: goals tick, a hint after a wrong attempt, progress survives a reload", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = await open(page);

  await page.keyboard.press("l");
  const browser = page.getByRole("dialog", { name: "Lessons" });
  await expect(browser).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(browser).toBeHidden();
  // At 1280 px the header has no room for a Lessons button: the Examples menu leads there.
  await page.getByRole("button", { name: /Examples/ }).click();
  await page.getByRole("button", { name: /Guided lessons/ }).click();
  await expect(browser).toBeVisible();
  await expect(browser.locator('[data-lesson="static-binding"]')).toContainText(
    "Not started",
  );
  await browser.locator('[data-lesson="static-binding"]').click();

  await expect(pane(page)).toContainText("Step 1 of 3");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText(
    "name: example-pv",
  );
  await expect(goal(page, "pv-exists")).toHaveAttribute("data-met", "false");
  await expect(pane(page).locator("[data-hint]")).toHaveCount(0);

  await page.getByRole("tab", { name: /Terminal/ }).click();
  await expect(page.locator(".xterm-rows")).toContainText(
    "kubectl and docker against the simulated cluster",
  );
  await page.locator(".xterm-helper-textarea").focus();
  // Wrong: no such file. The goals stay unmet and the first hint appears.
  await run(page, "kubectl apply -f volume.yaml");
  await expect(pane(page).locator("[data-hint]")).toHaveCount(1);
  await expect(pane(page).locator('[data-hint="0"]')).toContainText(
    "spec.capacity.storage",
  );
  await expect(goal(page, "pv-exists")).toHaveAttribute("data-met", "false");

  // Right: the lesson's pv.yaml is a file in the terminal's directory.
  await run(page, "kubectl apply -f pv.yaml");
  await expect(page.locator(".xterm-rows")).toContainText(
    "persistentvolume/example-pv created",
  );
  await expect(goal(page, "pv-exists")).toHaveAttribute("data-met", "true");
  await expect(goal(page, "pv-retain")).toHaveAttribute("data-met", "true");
  await expect(pane(page).locator("[data-commands-used]")).toContainText(
    "2 commands this step",
  );

  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.emulateMedia({ colorScheme: "light" });
    await shoot(page, `lesson-pane-light-${w}x${h}.png`);
    await page.emulateMedia({ colorScheme: "dark" });
    await shoot(page, `lesson-pane-dark-${w}x${h}.png`);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 720 });
  // The whole page: the pane beside the canvas, the editor and the header still fitting.
  const whole = test.info().outputPath("lesson-page-1280x720.png");
  await page.screenshot({ path: whole });
  keep(whole, "lesson-page-1280x720.png");

  await pane(page).getByRole("button", { name: "Next step" }).click();
  await expect(pane(page)).toContainText("Step 2 of 3");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText(
    "kind: PersistentVolumeClaim",
  );

  await page.reload();
  await expect(pane(page)).toContainText("Step 2 of 3");
  await expect(pane(page)).toContainText("The user's claim");
  // The header has no room for the button at 1280 (see LessonsButton.tsx): L, outside the editor and terminal.
  await page.evaluate(() =>
    (document.activeElement as HTMLElement | null)?.blur(),
  );
  await page.keyboard.press("l");
  await expect(
    page
      .getByRole("dialog", { name: "Lessons" })
      .locator('[data-lesson="static-binding"]'),
  ).toContainText("Step 2 of 3");
  expect(errors).toEqual([]);
});

test('a lesson link opens the lesson at its step, "Do it for me" completes it', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/#lesson=static-binding&step=3");
  await expect(pane(page)).toContainText("Step 3 of 3");
  // Steps 1 and 2 ran: the claim is there for the pod.
  await expect(goal(page, "pod-running")).toHaveAttribute("data-met", "false");
  await pane(page).getByRole("button", { name: "Do it for me" }).click();
  await expect(goal(page, "pod-running")).toHaveAttribute("data-met", "true", {
    timeout: 15_000,
  });
  await expect(goal(page, "page-written")).toHaveAttribute("data-met", "true");
  await expect(pane(page)).toContainText("Lesson complete");
  // At 1920 the header's Lessons button is there; the browser shows the lesson done.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole("button", { name: "Lessons" }).click();
  await expect(
    page
      .getByRole("dialog", { name: "Lessons" })
      .locator('[data-lesson="static-binding"]'),
  ).toContainText("Done");
  expect(errors).toEqual([]);
});

test("starting a lesson over work asks first, and Undo brings the work back", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const errors = await open(page);
  await page.getByRole("tab", { name: /Terminal/ }).click();
  await expect(page.locator(".xterm-rows")).toContainText(
    "kubectl and docker against the simulated cluster",
  );
  await page.locator(".xterm-helper-textarea").focus();
  await run(page, "kubectl create configmap mine --from-literal=a=b");
  await expect(page.locator(".xterm-rows")).toContainText(
    "configmap/mine created",
  );

  const browser = page.getByRole("dialog", { name: "Lessons" });
  const ask = page.getByRole("alertdialog", { name: "Start the lesson?" });
  await page.getByRole("button", { name: "Lessons" }).click();
  await browser.locator('[data-lesson="static-binding"]').click();
  await expect(ask).toBeVisible();
  await expect(ask).toContainText("the action on the timeline go");
  // Escape cancels the question only: nothing started, the browser stays open.
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(browser).toBeVisible();
  await expect(pane(page)).toBeHidden();

  await browser.locator('[data-lesson="static-binding"]').click();
  await ask.getByRole("button", { name: "Start" }).click();
  await expect(pane(page)).toContainText("Step 1 of 3");
  const toast = page.getByRole("status").filter({ hasText: "Cluster reset" });
  await expect(toast).toContainText("1 action on");
  await toast.getByRole("button", { name: "Undo" }).click();
  // The work is back and the lesson is left.
  await expect(pane(page)).toBeHidden();
  await page.locator(".xterm-helper-textarea").focus();
  await run(page, "kubectl get configmap mine");
  await expect(page.locator(".xterm-rows")).toContainText(/mine\s+1\s/);
  expect(errors).toEqual([]);
});

test("a lesson link pasted into the address bar of an open tab opens the lesson", async ({ page }) => {
  const errors = await open(page);
  // No lesson yet: the lesson layer is not loaded; the hashchange must load it and open the link.
  await expect(pane(page)).toHaveCount(0);
  await page.evaluate(() => {
    location.hash = "#lesson=static-binding&step=2";
  });
  await expect(pane(page)).toContainText("Step 2 of 3");
  // The link is dropped once opened, so a reload resumes the saved progress instead.
  await expect.poll(() => page.evaluate(() => location.hash)).toBe("");
  expect(errors).toEqual([]);
});

test("a lesson that cannot start says why even with no lesson open", async ({ page }) => {
  const errors = await open(page);
  await page.evaluate(() => {
    location.hash = "#lesson=no-such-lesson";
  });
  const toast = page.locator("[data-lesson-error]");
  await expect(toast).toContainText('There is no lesson "no-such-lesson".');
  const path = test.info().outputPath("lesson-start-error.png");
  await page.screenshot({ path });
  keep(path, "lesson-start-error.png");
  // Its button leads to the lessons there are; the message goes.
  await toast.getByRole("button", { name: "Lessons" }).click();
  await expect(page.getByRole("dialog", { name: "Lessons" })).toBeVisible();
  await expect(toast).toHaveCount(0);
  expect(errors).toEqual([]);
});

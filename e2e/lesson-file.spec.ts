import { copyFileSync, mkdirSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { keep, open } from "./helpers.ts";

// A teacher's own lesson: opened through the file chooser, previewed (steps and goals), started,
// a goal completed with "Do it for me", shared as a `#lessonfile=` link that a fresh browser opens
// with the preview first and then at the same step; a broken file lists its problems with line
// numbers; the editor's text works as a lesson too. Screenshots of the preview, light and dark.

const LESSON = `id: class-volume
title: "Our class: one volume, one claim"
summary: Written for this week's class. An administrator's volume, then a claim that binds to it.
topic: Week 3
preset: bare
seed: 4
steps:
  - title: Make the volume
    prose: |
      Create a 1Gi PersistentVolume named \`class-pv\`, backed by \`/mnt/class\`.
    manifests:
      - name: pv.yaml
        content: |
          apiVersion: v1
          kind: PersistentVolume
          metadata:
            name: class-pv
          spec:
            capacity:
              storage: 1Gi
            accessModes: [ReadWriteOnce]
            hostPath:
              path: /mnt/class
    goals:
      - id: pv-there
        title: The volume class-pv exists
        check:
          exists: { kind: pv, name: class-pv }
      - id: pv-available
        title: Nobody has claimed it yet (Available)
        check:
          field: { kind: pv, name: class-pv, path: status.phase, equals: Available }
    solution: |
      kubectl apply -f pv.yaml
  - title: Claim it
    prose: Claim 1Gi with ReadWriteOnce and watch it bind.
    manifests:
      - name: pvc.yaml
        content: |
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata:
            name: class-pvc
          spec:
            accessModes: [ReadWriteOnce]
            resources:
              requests:
                storage: 1Gi
    goals:
      - id: claim-bound
        title: The claim class-pvc is Bound
        check:
          field: { kind: pvc, name: class-pvc, path: status.phase, equals: Bound }
      - id: pv-bound
        title: The volume class-pv is Bound to it
        check:
          field: { kind: pv, name: class-pv, path: status.phase, equals: Bound }
    solution: |
      kubectl apply -f pvc.yaml
`;

const BROKEN = LESSON.replace("preset: bare", "preset: minikube")
  .replace("exists: { kind: pv, name: class-pv }", "exist: { kind: pv, name: class-pv }")
  .replace("    prose: Claim 1Gi", "    proze: Claim 1Gi");

const browser = (page: Page) => page.getByRole("dialog", { name: "Lessons" });
const preview = (page: Page) => page.locator("dialog[data-lesson-preview]");
const pane = (page: Page) => page.getByRole("complementary", { name: "Lesson" });
const goal = (page: Page, id: string) => pane(page).locator(`[data-goal="${id}"]`);

async function chooseFile(page: Page, name: string, text: string) {
  await page.keyboard.press("l");
  await expect(browser(page)).toBeVisible();
  await browser(page)
    .getByLabel("Lesson file")
    .setInputFiles({ name, mimeType: "application/yaml", buffer: Buffer.from(text) });
}

async function shoot(page: Page, name: string) {
  const path = test.info().outputPath(name);
  await page.screenshot({ path });
  keep(path, name);
  mkdirSync("/tmp/h4/shots", { recursive: true });
  copyFileSync(path, `/tmp/h4/shots/${name}`);
}

test("a lesson file: preview, start, do a step, share it, and open the link in a fresh browser", async ({
  page,
  browser: chromium,
}) => {
  const errors = await open(page);
  await chooseFile(page, "class-volume.yaml", LESSON);

  const p = preview(page);
  await expect(p).toBeVisible();
  await expect(p.getByRole("heading")).toHaveText("Our class: one volume, one claim");
  await expect(p).toContainText("From the file class-volume.yaml");
  await expect(p).toContainText("Week 3");
  await expect(p).toContainText("bare");
  await expect(p.locator("[data-step]")).toHaveCount(2);
  await expect(p.locator('[data-step="1"]')).toContainText("Make the volume");
  await expect(p.locator('[data-step="1"]')).toContainText("Nobody has claimed it yet (Available)");
  await expect(p.locator('[data-step="2"]')).toContainText("The claim class-pvc is Bound");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await shoot(page, `lesson-file-preview-${scheme}.png`);
  }
  await page.emulateMedia({ colorScheme: "light" });

  await p.getByRole("button", { name: "Start", exact: true }).click();
  await expect(p).toBeHidden();
  await expect(pane(page)).toContainText("Our class: one volume, one claim");
  await expect(pane(page)).toContainText("Step 1 of 2");
  await expect(goal(page, "pv-there")).toHaveAttribute("data-met", "false");
  await pane(page).getByRole("button", { name: "Do it for me" }).click();
  await expect(goal(page, "pv-there")).toHaveAttribute("data-met", "true", { timeout: 15_000 });
  await expect(goal(page, "pv-available")).toHaveAttribute("data-met", "true");
  await pane(page).getByRole("button", { name: /Next step/ }).click();
  await expect(pane(page)).toContainText("Step 2 of 2");

  // The browser lists it under "Your lessons", with its progress, beside the built-in ones.
  await page.keyboard.press("Escape");
  await page.locator("body").click({ position: { x: 5, y: 5 } }).catch(() => {});
  await page.keyboard.press("l");
  const mine = browser(page).getByRole("region", { name: "Your lessons" });
  await expect(mine.locator('[data-lesson="custom:class-volume"]')).toContainText("Your lesson");
  await expect(mine.locator('[data-lesson="custom:class-volume"]')).toContainText("Step 2 of 2");
  await shoot(page, "lesson-file-browser-light.png");
  await page.keyboard.press("Escape");

  // The pane's link carries the whole lesson, at the step reached.
  await pane(page).getByRole("button", { name: "Copy lesson link" }).click();
  // Polled: the copy lands asynchronously after the click (read at once, it was once still empty).
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/#lessonfile=v1\.[A-Za-z0-9_-]+&step=2$/);
  const link = await page.evaluate(() => navigator.clipboard.readText());

  // A stranger's browser: nothing saved, the preview first, then the lesson at step 2.
  const context = await chromium.newContext();
  const other = await context.newPage();
  const otherErrors: string[] = [];
  other.on("pageerror", (e) => otherErrors.push(e.message));
  await other.goto(link);
  const q = preview(other);
  await expect(q).toBeVisible();
  await expect(q).toContainText("From a link: someone else's lesson");
  await expect(q.getByRole("heading")).toHaveText("Our class: one volume, one claim");
  await expect(pane(other)).toHaveCount(0);
  await q.getByRole("button", { name: "Start at step 2" }).click();
  await expect(pane(other)).toContainText("Step 2 of 2");
  // Step 1's solution ran on the way: the volume is there for the claim.
  await expect(goal(other, "claim-bound")).toHaveAttribute("data-met", "false");
  await pane(other).getByRole("button", { name: "Do it for me" }).click();
  await expect(goal(other, "claim-bound")).toHaveAttribute("data-met", "true", { timeout: 15_000 });
  await expect(pane(other)).toContainText("lesson complete");
  // The fragment is gone, and a reload resumes the lesson from storage.
  expect(new URL(other.url()).hash).toBe("");
  await other.reload();
  await expect(pane(other)).toContainText("Our class: one volume, one claim");
  await expect(preview(other)).toHaveCount(0);
  await context.close();
  expect(otherErrors).toEqual([]);
  expect(errors).toEqual([]);
});

test("a broken lesson file lists every problem with its line; the editor's text works as a lesson", async ({
  page,
}) => {
  const errors = await open(page);
  await chooseFile(page, "broken.yaml", BROKEN);
  const p = preview(page);
  await expect(p).toBeVisible();
  await expect(p.getByRole("heading")).toHaveText("This lesson cannot be opened");
  // Every problem the parser gives, each with its line, column and field.
  await expect(p).toContainText("4 problems in broken.yaml:");
  const problems = p.locator("[data-problem]");
  await expect(problems).toHaveText([
    'line 5, column 1presetmust be one of: kind, kind-multinode, bare, multi-az, empty (got "minikube")',
    'line 27, column 9steps[0].goals[0].checkunknown check "exist"',
    'line 35, column 5steps[1]missing required field "prose"',
    'line 35, column 5steps[1]unknown field "proze"',
  ]);
  await expect(p.getByRole("button", { name: "Start" })).toHaveCount(0);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await shoot(page, `lesson-file-problems-${scheme}.png`);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await p.getByRole("button", { name: "Cancel" }).click();
  await expect(p).toBeHidden();
  await expect(browser(page)).toBeVisible();

  // The same lesson written in the editor.
  await page.keyboard.press("Escape");
  await page.evaluate((t) => window.__playground!.setEditorText(t), LESSON);
  await page.keyboard.press("l");
  await browser(page).getByRole("button", { name: "Use the editor's text as a lesson" }).click();
  await expect(p).toContainText("From the editor's text");
  await expect(p.locator("[data-step]")).toHaveCount(2);
  await p.getByRole("button", { name: "Start", exact: true }).click();
  await expect(pane(page)).toContainText("Step 1 of 2");
  expect(errors).toEqual([]);
});

test("hostile links and files get a sentence, never a freeze", async ({ page }) => {
  // A link cut in half when it was pasted.
  const data = deflateRawSync(Buffer.from(LESSON)).toString("base64url");
  await page.goto(`/#lessonfile=v1.${data.slice(0, Math.floor(data.length / 2) & ~3)}&step=1`);
  const p = preview(page);
  await expect(p).toBeVisible();
  await expect(p).toContainText("This lesson link cannot be opened: the compressed data is damaged");
  await p.getByRole("button", { name: "Cancel" }).click();

  // A 5 MB file is refused by its size.
  await page.keyboard.press("l");
  await browser(page)
    .getByLabel("Lesson file")
    .setInputFiles({ name: "huge.yaml", mimeType: "application/yaml", buffer: Buffer.alloc(5 * 1024 * 1024, 0x61) });
  await expect(p).toContainText("The file is 5.0 MB; a lesson file can be at most 256 KB.");
  await p.getByRole("button", { name: "Cancel" }).click();

  // A YAML bomb: refused at once, the page answers.
  const anchors = ["      - id: g0\n        title: G\n        check: &a0 { exists: { kind: pv } }\n"];
  for (let i = 1; i <= 9; i++)
    anchors.push(`      - id: g${i}\n        title: G\n        check: &a${i} { all: [${Array(9).fill(`*a${i - 1}`).join(", ")}] }\n`);
  const bomb = LESSON.replace(/    goals:\n[\s\S]*?    solution: \|\n      kubectl apply -f pv.yaml\n/, `    goals:\n${anchors.join("")}`);
  await browser(page)
    .getByLabel("Lesson file")
    .setInputFiles({ name: "bomb.yaml", mimeType: "application/yaml", buffer: Buffer.from(bomb) });
  await expect(p).toContainText("document contains excessive aliasing", { timeout: 3_000 });

  await p.getByRole("button", { name: "Cancel" }).click();
});

test("a lesson whose setup never ends is stopped, and the preview says why", async ({ page }) => {
  test.setTimeout(60_000);
  await open(page);
  // Each turn writes an object, so the shell's own step limit is far away: the replay's time budget stops it.
  const forever = LESSON.replace(
    "seed: 4\n",
    "seed: 4\nsetup: |\n  i=0\n  while true; do i=$((i+1)); kubectl create configmap c$i --from-literal=n=$i > /dev/null; done\n",
  );
  await page.keyboard.press("l");
  await browser(page)
    .getByLabel("Lesson file")
    .setInputFiles({ name: "forever.yaml", mimeType: "application/yaml", buffer: Buffer.from(forever) });
  const p = preview(page);
  await expect(p.getByText("What its setup runs first")).toBeVisible();
  await p.getByRole("button", { name: "Start", exact: true }).click();
  await expect(p.getByRole("button", { name: "Starting…" })).toBeDisabled();
  // In a lesson's words, not a share link's: it was the lesson's own setup that ran out of time.
  await expect(p.getByRole("alert")).toContainText(/^The lesson could not start: preparing its cluster stopped after 1\d s: it was still running at action 2 of 2 \(while true; do.*\), and a lesson gets 1\d s at most\.$/, { timeout: 30_000 });
  await shoot(page, "lesson-file-setup-forever.png");
  // Said once, in the preview: not again by the lesson toast behind it.
  await expect(page.locator("[data-lesson-error]")).toHaveCount(0);
  // The page answers: the preview closes and the playground is usable.
  await p.getByRole("button", { name: "Cancel" }).click();
  await expect(p).toBeHidden();
  await expect(pane(page)).toHaveCount(0);
});

test("a lesson file dropped on the lesson browser is previewed", async ({ page }) => {
  const errors = await open(page);
  await page.keyboard.press("l");
  await expect(browser(page)).toBeVisible();
  // What a drag from the file manager delivers: a DataTransfer holding the file.
  await browser(page).evaluate((dialog, text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "dropped.yaml", { type: "application/yaml" }));
    for (const type of ["dragenter", "dragover", "drop"])
      dialog.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  }, LESSON);
  const p = preview(page);
  await expect(p).toContainText("From the file dropped.yaml");
  await expect(p.getByRole("heading")).toHaveText("Our class: one volume, one claim");
  await p.getByRole("button", { name: "Cancel" }).click();
  await expect(browser(page)).toBeVisible();
  expect(errors).toEqual([]);
});

test("a #lessonfile= link pasted into the address bar of an open tab is previewed", async ({ page }) => {
  const errors = await open(page);
  const data = deflateRawSync(Buffer.from(LESSON)).toString("base64url");
  // No lesson layer loaded yet: the hashchange loads it, and the preview comes first, as on arrival.
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#lessonfile=v1.${data}&step=1`);
  const p = preview(page);
  await expect(p).toBeVisible();
  await expect(p.getByRole("heading")).toHaveText("Our class: one volume, one claim");
  await p.getByRole("button", { name: "Cancel" }).click();
  expect(errors).toEqual([]);
});

test("a matches pattern that could freeze the page is refused with its line", async ({ page }) => {
  const errors = await open(page);
  const slow = LESSON.replace("equals: Available }", 'matches: "(a+)+$" }');
  await chooseFile(page, "slow.yaml", slow);
  const p = preview(page);
  // At the pattern itself: the line of `matches:` in the file, and the field's path.
  const at = slow.split("\n").findIndex((l) => l.includes("(a+)+")) + 1;
  await expect(p).toContainText(new RegExp(`line ${at}, column \\d+steps\\[0\\]\\.goals\\[1\\]\\.check\\.field\\.matchesrefused: the repeated group \\(a\\+\\)\\+ holds a quantifier`));
  await shoot(page, "lesson-file-regex-refused.png");
  await p.getByRole("button", { name: "Cancel" }).click();
  expect(errors).toEqual([]);
});

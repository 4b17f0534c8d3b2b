import { copyFileSync, mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { keep, open } from "./helpers.ts";

// The goal ghost: beside the goals, a small picture of where the step ends (drawn by its own
// worker), marking what the learner already has; "Do it for me" fills it in, the next step
// draws another, a click enlarges it and Escape closes that. Screenshots of the pane with the
// ghost, light and dark, at 1280×720 and 1920×1080 (also copied to /tmp/h4/shots/).

const pane = (page: Page) => page.getByRole("complementary", { name: "Lesson" });
const ghost = (page: Page) => pane(page).getByRole("region", { name: "Where this step ends" });
const card = (page: Page, id: string) => ghost(page).locator(`[data-ghost-card="${id}"]`);

async function shoot(page: Page, name: string, whole = false) {
  const path = test.info().outputPath(name);
  await ghost(page).scrollIntoViewIfNeeded();
  await (whole ? page : pane(page)).screenshot({ path });
  keep(path, name);
  try {
    mkdirSync("/tmp/h4/shots", { recursive: true });
    copyFileSync(path, `/tmp/h4/shots/${name}`);
  } catch {
    /* not on the helper's machine */
  }
}

test("the first screen does not load the ghost's worker", async ({ page }) => {
  const workers: string[] = [];
  page.on("request", (r) => /ghost\.worker/.test(r.url()) && workers.push(r.url()));
  await open(page);
  await page.waitForTimeout(300);
  expect(workers).toEqual([]);
});

test("the goal ghost: where the step ends, what you have, the next step's, enlarged", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // Step 2 of static-binding: the administrator's volume is there, the claim is not yet.
  await page.goto("/#lesson=static-binding&step=2");
  await expect(pane(page)).toContainText("Step 2 of 3");
  await expect(ghost(page)).toBeVisible();
  const pvc = card(page, "PersistentVolumeClaim:default/example-pvc");
  const pv = card(page, "PersistentVolume:example-pv");
  await expect(pvc).toContainText("example-pvc");
  await expect(pvc).toContainText("Bound");
  await expect(pv).toContainText("example-pv");
  await expect(pvc).toHaveAttribute("data-presence", "missing");
  // The volume is there, Available: not yet as the goal has it.
  await expect(pv).toHaveAttribute("data-presence", "differs");
  await expect(pvc).toContainText("not there yet");
  await expect(ghost(page)).toContainText("0 of 2 there");
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.emulateMedia({ colorScheme: "light" });
    await shoot(page, `ghost-light-${w}x${h}.png`);
    await page.emulateMedia({ colorScheme: "dark" });
    await shoot(page, `ghost-dark-${w}x${h}.png`);
  }
  // Presentation mode (F): the pane's text is larger, the picture with it.
  await page.emulateMedia({ colorScheme: "light" });
  await page.keyboard.press("f");
  await expect(page.getByRole("region", { name: "Manifest editor" })).toBeHidden();
  await shoot(page, "ghost-presentation-light-1920x1080.png", true);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: "dark" });
  await shoot(page, "ghost-presentation-dark-1280x720.png", true);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("region", { name: "Manifest editor" })).toBeVisible();
  await page.emulateMedia({ colorScheme: "light" });

  await pane(page).getByRole("button", { name: "Do it for me" }).click();
  await expect(pvc).toHaveAttribute("data-presence", "have", { timeout: 15_000 });
  await expect(pv).toHaveAttribute("data-presence", "have");
  await expect(pvc).toContainText("you have this");
  await expect(ghost(page)).toContainText("2 of 2 there");
  await shoot(page, "ghost-done-light-1280x720.png");

  // The next step's ghost: the pod, its claim and the claim's volume.
  await pane(page).getByRole("button", { name: "Next step" }).click();
  await expect(pane(page)).toContainText("Step 3 of 3");
  const pod = card(page, "Pod:default/example-pod");
  await expect(pod).toContainText("Running");
  await expect(pod).toHaveAttribute("data-presence", "missing");
  await expect(pvc).toHaveAttribute("data-presence", "have");
  await expect(ghost(page)).toContainText("2 of 3 there");

  // Click to enlarge; Escape closes the picture and nothing else.
  await ghost(page).getByRole("button", { name: /enlarge the picture/ }).click();
  const dialog = page.getByRole("dialog", { name: /Where step 3 ends/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-ghost-card="Pod:default/example-pod"]')).toContainText("nginx");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const path = test.info().outputPath(`ghost-enlarged-${scheme}-1280x720.png`);
    await page.screenshot({ path });
    keep(path, `ghost-enlarged-${scheme}-1280x720.png`);
    try {
      copyFileSync(path, `/tmp/h4/shots/ghost-enlarged-${scheme}-1280x720.png`);
    } catch {
      /* not on the helper's machine */
    }
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(pane(page)).toBeVisible();

  // Collapsible, and it stays collapsed.
  await ghost(page).getByRole("button", { name: "Where this step ends" }).click();
  await expect(pod).toHaveCount(0);
  await page.reload();
  await expect(pane(page)).toContainText("Step 3 of 3");
  await expect(ghost(page).getByRole("button", { name: "Where this step ends" })).toHaveAttribute("aria-expanded", "false");
  await ghost(page).getByRole("button", { name: "Where this step ends" }).click();
  await expect(pod).toBeVisible();
  expect(errors).toEqual([]);
});

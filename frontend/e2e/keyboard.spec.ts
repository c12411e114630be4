// The whole journey once with the keyboard alone: every control is reached with Tab (or a
// shortcut the screen offers) and pressed with Enter or Space; the mouse is never used.
import type { Locator, Page } from "@playwright/test";
import { PASSWORD, type People, exact, expect, t, test } from "./fixtures";
import { actionBar, levelRadio, savedStatus, titled } from "./desk";

test.describe.configure({ timeout: 240_000 });

/** Presses Tab until `target` has the focus (at most `limit` times), as a person would. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses <= limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

async function signInByKeyboard(page: Page, username: string): Promise<void> {
  await page.goto("sign-in");
  await tabTo(page, page.getByLabel(t("auth", "username")));
  await page.keyboard.type(username);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(t("auth", "password"))).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("navigation", { name: t("common", "nav.label") })).toBeVisible();
}

async function keyboardPage(people: People, username: string): Promise<Page> {
  const page = await people.page();
  await signInByKeyboard(page, username);
  return page;
}

/** Approves the document open on `page` with the screen's shortcut (a) and the dialog's button. */
async function approveByKeyboard(page: Page): Promise<void> {
  // Just opened, the focus is on the page, not in a field: the shortcut works.
  await page.keyboard.press("a");
  const dialog = page.getByRole("dialog", { name: t("document", "actions.approve") });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: exact(t("document", "actions.approve")) }), 10);
  await page.keyboard.press("Enter");
  await expect(page.getByText(t("document", "done.approve"))).toBeVisible();
}

test("draft, submit and approve with the keyboard alone", async ({ people }) => {
  const title = titled("공공시설 에너지 절약 추진 계획");
  const drafter = await keyboardPage(people, "haeun.song");

  await tabTo(drafter, drafter.getByRole("link", { name: t("common", "nav.draft") }));
  await drafter.keyboard.press("Enter");
  await tabTo(drafter, drafter.getByRole("link", { name: new RegExp(t("drafting", "kinds.memo")) }));
  await drafter.keyboard.press("Enter");
  await tabTo(drafter, drafter.getByLabel(t("drafting", "fields.title"), { exact: true }));
  await drafter.keyboard.type(title);
  await tabTo(drafter, drafter.getByRole("textbox", { name: t("drafting", "fields.body") }));
  await drafter.keyboard.type("공공시설의 냉난방 온도를 조정하고 야간 조명을 줄입니다.");
  await expect(savedStatus(drafter)).toBeVisible();
  // No level is chosen for the drafter: going on without one moves the focus to the
  // choice, where Space chooses open; then on to the line.
  const next = drafter.getByRole("button", { name: exact(t("drafting", "next.line")) });
  await tabTo(drafter, next, 120);
  await drafter.keyboard.press("Enter");
  await expect(drafter.getByText(t("drafting", "validation.chooseLevel"))).toBeVisible();
  await expect(levelRadio(drafter, "open")).toBeFocused();
  await drafter.keyboard.press("Space");
  await expect(levelRadio(drafter, "open")).toBeChecked();
  await tabTo(drafter, next, 120);
  await drafter.keyboard.press("Enter");
  await expect(drafter.getByRole("heading", { level: 1, name: t("line", "title") })).toBeVisible();
  const id = /documents\/(\d+)\/line/.exec(drafter.url())?.[1];
  await expect(drafter.getByText(t("line", "rule.valid"))).toBeVisible();
  await tabTo(drafter, drafter.getByRole("button", { name: exact(t("line", "submit.submit")) }), 200);
  await drafter.keyboard.press("Enter");
  await expect(drafter).toHaveURL(new RegExp(`documents/${id}$`));

  for (const username of ["sanghun.kim", "yeonghui.kang"]) {
    const approver = await keyboardPage(people, username);
    await approver.goto(`documents/${id}`);
    await expect(approver.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(actionBar(approver)).toBeVisible();
    await approveByKeyboard(approver);
    if (username === "yeonghui.kang") await expect(approver.getByText(t("document", "status.approved")).first()).toBeVisible();
  }
});

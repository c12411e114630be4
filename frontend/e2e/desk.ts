// The steps people take on the desk, by role and accessible name (the UI's own strings):
// drafting a memo, submitting it on its line, and acting on a document.
import { type Page, expect } from "@playwright/test";
import { type Lang, type People, exact, t } from "./fixtures";
import { shoot } from "./shots";

const REUSED = process.env.E2E_REUSE_SERVER === "1";

/** A title no earlier document of this run has (an own run's database starts empty of them). */
export function titled(text: string): string {
  return REUSED ? `${text} ${Date.now().toString(36).slice(-5)}` : text;
}

/** The drafting screen's radio for a disclosure level (nothing is chosen for the drafter). */
export const levelRadio = (page: Page, level: "open" | "partial" | "closed", lang: Lang = "ko") =>
  page.getByRole("radio", { name: t("drafting", `disclosure.levels.${level}`, lang), exact: true });

/**
 * Drafts a memo through the drafting screen, proposing it open (a level must be chosen
 * before the line), then opens its line editor; returns its id.
 */
export async function draftMemo(page: Page, title: string, shots = false): Promise<string> {
  await page.getByRole("link", { name: t("common", "nav.draft") }).click();
  if (shots) await shoot(page, "draft-kinds");
  await page.goto("drafts/new?kind=memo");
  const heading = t("drafting", "heading", "ko", { kind: t("drafting", "kinds.memo") });
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await page.getByLabel(t("drafting", "fields.title"), { exact: true }).fill(title);
  await page.getByRole("textbox", { name: t("drafting", "fields.body") }).click();
  await page.keyboard.type("2027년 시민 안전교육 운영 계획을 아래와 같이 보고합니다.");
  await levelRadio(page, "open").check();
  await expect(savedStatus(page)).toBeVisible();
  if (shots) await shoot(page, "draft-memo", { fullPage: true });
  await page.getByRole("button", { name: exact(t("drafting", "next.line")) }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("line", "title") })).toBeVisible();
  const id = /documents\/(\d+)\/line/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on a line editor: ${page.url()}`);
  return id;
}

/** Submits on the line as it stands once the server has found it valid. */
export async function submitLine(page: Page, id: string): Promise<void> {
  await expect(page.getByText(t("line", "rule.valid"))).toBeVisible();
  await page.getByRole("button", { name: exact(t("line", "submit.submit")) }).click();
  await expect(page).toHaveURL(new RegExp(`documents/${id}$`));
}

/** A memo drafted and submitted by haeun.song on the suggested line (김상훈 → 강영희). */
export async function submittedMemo(people: People, title: string): Promise<{ id: string; drafter: Page }> {
  const drafter = await people.open("haeun.song");
  const id = await draftMemo(drafter, title);
  await submitLine(drafter, id);
  return { id, drafter };
}

export const actionBar = (page: Page, lang: Lang = "ko") =>
  page.getByRole("group", { name: t("document", "actions.label", lang) });

/** The drafting screen's save status once it says the draft is saved. */
export const savedStatus = (page: Page, lang: Lang = "ko") =>
  page.getByRole("status").filter({ hasText: new RegExp(t("drafting", "status.saved", lang).replace("{{time}}", ".+")) });

/** Opens `documents/id` and waits for its title and, when `actions`, the action bar. */
export async function openDocument(page: Page, id: string, title: string, actions = true): Promise<void> {
  await page.goto(`documents/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  if (actions) await expect(actionBar(page)).toBeVisible();
}

/**
 * Takes `action` from the action bar: the dialog opens, `words` go in its text box, the
 * dialog's own button sends it, and the screen says it is done.
 */
export async function act(page: Page, action: string, words = "", shot?: string): Promise<void> {
  await actionBar(page).getByRole("button", { name: exact(t("document", `actions.${action}`)) }).click();
  const dialog = page.getByRole("dialog", { name: t("document", `actions.${action}`) });
  await expect(dialog).toBeVisible();
  if (words) await dialog.getByRole("textbox").first().fill(words);
  if (shot) await shoot(page, shot);
  await dialog.getByRole("button", { name: exact(t("document", `actions.${action}`)) }).click();
  await expect(page.getByText(t("document", `done.${action}`))).toBeVisible();
}

// Hangul typed through IME composition (Chromium's own composition events, e2e/ime.ts) into
// every people search and combobox: the word arrives whole, nothing is searched on a lone
// jamo mid-syllable, and the Enter that ends a composition picks and submits nothing.
import type { Page } from "@playwright/test";
import { expect, t, test } from "./fixtures";
import { draftMemo, titled } from "./desk";
import { hasLoneJamo, searchesOf, typeWithIme } from "./ime";

test.describe.configure({ timeout: 120_000 });

async function expectSearchedWhole(searches: string[], word: string): Promise<void> {
  await expect.poll(() => searches.at(-1)).toBe(word);
  expect(searches.filter(hasLoneJamo), `searched mid-composition: ${searches.join(", ")}`).toEqual([]);
}

test("김민수 in the line editor's people search: whole, and the composing Enter adds no one", async ({ people }) => {
  const drafter = await people.open("haeun.song");
  await draftMemo(drafter, titled("IME 입력 확인 문서"));
  // The open list box hides the rest of the page from assistive technology: count all.
  const steps = drafter.getByRole("list", { name: t("line", "steps.label"), includeHidden: true });
  await expect(steps.getByText("김상훈")).toBeVisible();
  const before = await steps.getByRole("listitem", { includeHidden: true }).count();
  const searches = searchesOf(drafter, "/api/people/");
  const search = drafter.getByRole("combobox", { name: t("line", "add.search", "ko", { role: t("line", "roleIn.review") }) });
  await typeWithIme(drafter, search, "김민수", { enterWhileComposing: true });
  await expect(search).toHaveValue("김민수");
  await expectSearchedWhole(searches, "김민수");
  await expect(drafter.getByRole("option", { name: /김민수/ }).first()).toBeVisible();
  // The composing Enter chose nobody: the line is as it was.
  await expect(steps.getByRole("listitem", { includeHidden: true })).toHaveCount(before);
  await expect(steps.getByText("김민수")).toHaveCount(0);
});

async function absenceDeputy(page: Page) {
  await page.goto("absence");
  return page.getByRole("combobox", { name: t("absence", "deputy") });
}

test("김민수 as the absence's deputy: whole, and the composing Enter saves nothing", async ({ people }) => {
  const page = await people.open("haeun.song");
  const deputy = await absenceDeputy(page);
  const searches = searchesOf(page, "/api/people/");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/api/absences/")) posts.push(request.url());
  });
  await typeWithIme(page, deputy, "김민수", { enterWhileComposing: true });
  await expect(deputy).toHaveValue("김민수");
  await expectSearchedWhole(searches, "김민수");
  await expect(page.getByRole("option", { name: /김민수/ }).first()).toBeVisible();
  expect(posts).toEqual([]);
});

test("김민수 as the person of a personnel action: whole, and the composing Enter picks no one", async ({ people }) => {
  const page = await people.open("haeun.song");
  await page.goto("drafts/new?kind=personnel");
  const person = page.getByRole("combobox", { name: t("drafting", "personnel.person") });
  const searches = searchesOf(page, "/api/people/");
  await typeWithIme(page, person, "김민수", { enterWhileComposing: true });
  await expect(person).toHaveValue("김민수");
  await expectSearchedWhole(searches, "김민수");
  await expect(page.getByRole("option", { name: /김민수/ }).first()).toBeVisible();
  await expect(page.getByRole("option", { selected: true })).toHaveCount(0);
});

test("사과 in the boxes' search: whole, the composing Enter searches nothing, Enter then does", async ({ people }) => {
  const page = await people.open("sanghun.kim");
  await page.goto("boxes/completed");
  const search = page.getByRole("searchbox", { name: t("boxes", "filters.text") });
  await typeWithIme(page, search, "사과", { enterWhileComposing: true });
  await expect(search).toHaveValue("사과");
  const url = new URL(page.url());
  expect(url.searchParams.get("q") ?? "", "a search in the URL mid-composition").not.toMatch(/[\u3131-\u318e]/);
  await search.press("Enter");
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("사과");
});

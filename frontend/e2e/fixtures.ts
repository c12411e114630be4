// What every journey shares: the UI's own strings (each folder's locales/*.json, so a test
// names a control the way a person reads it), signing in, and the axe check of a state.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, type Page, expect, test as base } from "@playwright/test";

export type Lang = "ko" | "en";
export const PASSWORD = "dojang-demo";
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const SRC = fileURLToPath(new URL("../src/", import.meta.url));
const catalogues = new Map<string, Record<string, unknown>>();

/** The UI string `key` ("app.name") of a folder's catalogue ("common" is src/i18n), in `lang`. */
export function t(folder: string, key: string, lang: Lang = "ko", values: Record<string, string | number> = {}): string {
  const file = `${SRC}${folder === "common" ? "i18n" : folder}/locales/${lang}.json`;
  let catalogue = catalogues.get(file);
  if (!catalogue) {
    catalogue = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    catalogues.set(file, catalogue);
  }
  let value: unknown = catalogue;
  for (const part of key.split(".")) value = (value as Record<string, unknown> | undefined)?.[part];
  if (typeof value !== "string") throw new Error(`no string ${folder}:${key} in ${lang}`);
  // Interpolations as i18next writes them; a josa() format gives the word alone here, which
  // is why a test matches such strings by the part before or after it.
  return value.replace(/\{\{\s*(\w+)[^}]*\}\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** An exact accessible name, as a RegExp-safe matcher. */
export function exact(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
}

/** Chooses the app's language before its first script runs (it reads localStorage). */
export async function useLanguage(page: Page, lang: Lang): Promise<void> {
  await page.addInitScript((language) => {
    window.localStorage.setItem("dojang.language", language);
  }, lang);
}

/** Signs in through the sign-in screen and waits for the shell. */
export async function signIn(page: Page, username: string, lang: Lang = "ko", next?: string): Promise<void> {
  await page.goto(next ? `sign-in?next=${encodeURIComponent(next)}` : "sign-in");
  await page.getByLabel(t("auth", "username", lang)).fill(username);
  await page.getByLabel(t("auth", "password", lang)).fill(PASSWORD);
  await page.getByRole("button", { name: exact(t("auth", "submit", lang)) }).click();
  await expect(page.getByRole("navigation", { name: t("common", "nav.label", lang) })).toBeVisible();
}

/** Signs in through the API only (for a second actor in a context the test does not look at). */
export async function signInByApi(page: Page, username: string): Promise<void> {
  await page.request.get("/api/auth/csrf/");
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === "csrftoken")?.value ?? "";
  const response = await page.request.post("/api/auth/session/", {
    data: { username, password: PASSWORD },
    headers: { "X-CSRFToken": csrf },
  });
  expect(response.ok(), `API sign-in of ${username}`).toBeTruthy();
}

interface A11y {
  /** Runs axe on what the page shows now; `state` names it in the report ("boxes, ko, 360"). */
  check(state: string, options?: { exclude?: string[] }): Promise<void>;
}

export interface Viewport {
  width: number;
  height: number;
}

/** People at their own browsers: each a new context, closed when the test ends. */
export interface People {
  /** A new browser (context) at `viewport`, not signed in. */
  page(viewport?: Viewport, lang?: Lang): Promise<Page>;
  /** A new browser signed in as `username`. */
  open(username: string, viewport?: Viewport, lang?: Lang): Promise<Page>;
}

export const DESKTOP: Viewport = { width: 1280, height: 900 };
export const PHONE: Viewport = { width: 390, height: 844 };

export const test = base.extend<{ a11y: A11y; people: People }>({
  people: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    const page = async (viewport: Viewport = DESKTOP, lang: Lang = "ko") => {
      const context = await browser.newContext({ viewport, locale: "ko-KR", timezoneId: "Asia/Seoul" });
      contexts.push(context);
      const opened = await context.newPage();
      if (lang !== "ko") await useLanguage(opened, lang);
      return opened;
    };
    await use({
      page,
      async open(username, viewport = DESKTOP, lang = "ko") {
        const opened = await page(viewport, lang);
        await signIn(opened, username, lang);
        return opened;
      },
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  a11y: async ({ page }, use, testInfo) => {
    await use({
      async check(state: string, options: { exclude?: string[] } = {}) {
        // Wait for the screen to settle: nothing loading, fonts in.
        await page.waitForLoadState("networkidle").catch(() => undefined);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
        for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
        const results = await builder.analyze();
        const summary = results.violations.map(
          (violation) =>
            `${violation.id} (${violation.impact}): ${violation.help}\n` +
            violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary ?? ""}`).join("\n"),
        );
        testInfo.annotations.push({ type: "axe-state", description: `${state}: ${results.violations.length}` });
        expect.soft(summary, `axe violations on ${state}`).toEqual([]);
      },
    });
  },
});

export { expect };

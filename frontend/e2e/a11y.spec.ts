// axe on every route and open dialog, in Korean and English, at 360 and 1280 px: each test
// walks one person's screens in one language at one width and checks every state it opens.
// Violations are soft failures, so one bad state does not hide the next.
import type { Page } from "@playwright/test";
import { type Lang, exact, expect, signIn, t, test, useLanguage } from "./fixtures";
import { firstDocumentIn } from "./api";

interface Walk {
  user?: string;
  states: Array<{ name: string; open(page: Page, lang: Lang): Promise<void> }>;
}

const mainHeading = (page: Page) => page.locator("main").getByRole("heading", { level: 1 });

const WALKS: Record<string, Walk> = {
  "signed out": {
    states: [
      {
        name: "sign-in",
        async open(page, lang) {
          await page.goto("sign-in");
          await expect(page.getByRole("button", { name: exact(t("auth", "submit", lang)) })).toBeVisible();
        },
      },
      {
        name: "sign-in, fields missing",
        async open(page, lang) {
          await page.getByRole("button", { name: exact(t("auth", "submit", lang)) }).click();
          await expect(page.getByLabel(t("auth", "username", lang))).toHaveAttribute("aria-invalid", "true");
        },
      },
      {
        name: "sign-in, refused",
        async open(page, lang) {
          await page.getByLabel(t("auth", "username", lang)).fill(`nobody.${lang}.${page.viewportSize()?.width}`);
          await page.getByLabel(t("auth", "password", lang)).fill("not-the-password");
          await page.getByRole("button", { name: exact(t("auth", "submit", lang)) }).click();
          await expect(page.getByRole("alert")).toBeVisible();
        },
      },
      {
        name: "sign-in, session expired",
        async open(page) {
          await page.goto("sign-in?expired=true");
          await expect(page.getByRole("status")).toBeVisible();
        },
      },
      {
        name: "not found",
        async open(page, lang) {
          await page.goto("no-such-screen");
          await expect(page.getByText(t("common", "state.notFound", lang))).toBeVisible();
        },
      },
    ],
  },
  drafter: {
    user: "haeun.song",
    states: [
      { name: "home", open: async (page) => void (await page.goto("./"), await expect(mainHeading(page)).toBeVisible()) },
      {
        name: "account menu open",
        async open(page, lang) {
          await page.getByRole("button", { name: /송하은|Song/ }).click();
          await expect(page.getByRole("button", { name: exact(t("common", "account.signOut", lang)) })).toBeVisible();
        },
      },
      {
        name: "notifications",
        async open(page) {
          await page.goto("notifications");
          await expect(mainHeading(page)).toBeVisible();
        },
      },
      {
        name: "boxes: drafts",
        async open(page) {
          await page.goto("boxes/drafts");
          await expect(mainHeading(page)).toBeVisible();
        },
      },
      {
        name: "new draft",
        async open(page) {
          await page.goto("drafts/new?kind=memo");
          await expect(mainHeading(page)).toBeVisible();
        },
      },
      {
        name: "absence",
        async open(page) {
          await page.goto("absence");
          await expect(mainHeading(page)).toBeVisible();
        },
      },
    ],
  },
  approver: {
    user: "sanghun.kim",
    states: [
      {
        name: "boxes: to act",
        async open(page) {
          await page.goto("boxes/to_act");
          await expect(mainHeading(page)).toBeVisible();
        },
      },
      {
        name: "document",
        async open(page) {
          const id = await firstDocumentIn(page, "to_act");
          await page.goto(`documents/${id}`);
          await expect(mainHeading(page)).toBeVisible();
        },
      },
    ],
  },
};

for (const lang of ["ko", "en"] as const) {
  for (const width of [360, 1280]) {
    for (const [who, walk] of Object.entries(WALKS)) {
      test(`axe: ${who}, ${lang}, ${width} px`, async ({ page, a11y }) => {
        await page.setViewportSize({ width, height: width < 600 ? 800 : 900 });
        await useLanguage(page, lang);
        if (walk.user) await signIn(page, walk.user, lang);
        for (const state of walk.states) {
          await test.step(state.name, async () => {
            await state.open(page, lang);
            await a11y.check(`${state.name}, ${lang}, ${width}`);
          });
        }
      });
    }
  }
}

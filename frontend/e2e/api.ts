// Reads through the same API the app uses, with the page's session: to find what a journey
// needs (a document in a box) without hard-coding an id the seed happens to give.
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import type { components } from "../src/api/schema";

type BoxItem = components["schemas"]["BoxItemOutput"];
type BoxPage = components["schemas"]["PaginatedBoxItemOutputList"];
type Box = "to_act" | "drafts" | "in_progress" | "on_hold" | "post_approval_due" | "returned" | "completed" | "references";

export async function boxItems(page: Page, box: Box, query = ""): Promise<BoxItem[]> {
  const response = await page.request.get(`/api/boxes/${box}/${query ? `?${query}` : ""}`);
  expect(response.ok(), `GET /api/boxes/${box}/`).toBeTruthy();
  return ((await response.json()) as BoxPage).results;
}

export async function firstDocumentIn(page: Page, box: Box, query = ""): Promise<number> {
  const [first] = await boxItems(page, box, query);
  if (!first) throw new Error(`the ${box} box is empty`);
  return first.document.id;
}

// The boxes as the API names them, the screen's URL state, and the rules a row shows
// (D-n, overdue, proxy, recalled) and how the selection moves: pure, so tested alone.
import * as z from "zod/mini";
import type { components, paths } from "@/api/schema";
import { daysUntil } from "@/ui/format";

export type Box = paths["/api/boxes/{box}/"]["get"]["parameters"]["path"]["box"];
export type BoxItem = components["schemas"]["BoxItemOutput"];
export type Kind = components["schemas"]["DocumentKindEnum"];

/** In the order a person works them: what waits for me first, what I sent after. */
export const BOXES = [
  "to_act",
  "upcoming",
  "on_hold",
  "post_approval_due",
  "drafts",
  "in_progress",
  "returned",
  "completed",
  "references",
] as const satisfies readonly Box[];

export const KINDS = ["memo", "budget", "personnel"] as const satisfies readonly Kind[];

/** Boxes whose rows are my steps: they carry a due date and, in to_act, a proxy mark. */
export const STEP_BOXES: ReadonlySet<Box> = new Set(["to_act", "upcoming", "on_hold", "post_approval_due"]);

export const PAGE_SIZE = 20;

export function isBox(value: string): value is Box {
  return (BOXES as readonly string[]).includes(value);
}

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

// zod/mini: the route's schema is in the first load. A bad value is dropped, never an error
// screen, so an edited or old link still opens the box.
export const boxSearchSchema = z.object({
  kind: z.catch(z.optional(z.enum(KINDS)), undefined),
  from: z.catch(z.optional(isoDate), undefined),
  to: z.catch(z.optional(isoDate), undefined),
  unit: z.catch(z.optional(z.int().check(z.positive())), undefined),
  q: z.catch(z.optional(z.string().check(z.minLength(1), z.maxLength(200))), undefined),
  page: z.catch(z.optional(z.int().check(z.positive())), undefined),
  open: z.catch(z.optional(z.int().check(z.positive())), undefined),
});

export type BoxSearch = z.infer<typeof boxSearchSchema>;
export type BoxFilters = Omit<BoxSearch, "page" | "open">;

export function hasFilters(search: BoxSearch): boolean {
  return Boolean(search.kind || search.from || search.to || search.unit || search.q);
}

/** The list endpoint's query for a screen's search: the API's names, nothing undefined. */
export function listQuery(search: BoxSearch) {
  const query: NonNullable<paths["/api/boxes/{box}/"]["get"]["parameters"]["query"]> = {
    page: search.page ?? 1,
    page_size: PAGE_SIZE,
  };
  if (search.kind) query.kind = search.kind;
  if (search.from) query.date_from = search.from;
  if (search.to) query.date_to = search.to;
  if (search.unit) query.unit = search.unit;
  if (search.q) query.q = search.q;
  return query;
}

export type DueBadge = { tone: "overdue"; days: number } | { tone: "today" } | { tone: "soon" | "later"; days: number };

/** A step still to act on shows how long is left: D-3, D-day, or overdue by n days. */
export function dueBadge(step: components["schemas"]["TaskStepOutput"] | null, now: Date = new Date()): DueBadge | null {
  if (!step?.due_at || step.acted_at) return null;
  const days = daysUntil(step.due_at, now);
  if (step.is_overdue || days < 0) return { tone: "overdue", days: Math.max(-days, 0) };
  if (days === 0) return { tone: "today" };
  return { tone: days <= 2 ? "soon" : "later", days };
}

/** A draft that was submitted once and is back in drafts was recalled (회수). */
export function isRecalled(item: BoxItem): boolean {
  return item.document.status === "draft" && Boolean(item.document.submitted_at);
}

/** A step taken for an absent colleague (대결): the step's owner is someone else. */
export function proxyFor(item: BoxItem, personId: number | undefined): string | null {
  const step = item.step;
  if (!step?.is_proxy) return null;
  if (personId !== undefined && step.assignee.id === personId) return null;
  return step.assignee.name;
}

/** The id j or k moves to: clamps at the ends, starts at the first (j) or last (k). */
export function moveSelection(ids: readonly number[], current: number | undefined, delta: 1 | -1): number | undefined {
  if (ids.length === 0) return undefined;
  const index = current === undefined ? -1 : ids.indexOf(current);
  if (index === -1) return delta === 1 ? ids[0] : ids[ids.length - 1];
  return ids[Math.min(Math.max(index + delta, 0), ids.length - 1)];
}

/** After acting on one, the next to open: the one below, else the one above, else none. */
export function nextAfter(ids: readonly number[], acted: number): number | undefined {
  const index = ids.indexOf(acted);
  if (index === -1) return ids[0];
  return ids[index + 1] ?? ids[index - 1];
}

// The drafting form: its values, the rules the server also enforces (so a mistake shows
// before the round trip), and what a save sends. Numbers are kept as typed strings in the
// form (native inputs and selects) and become numbers only in the payload.
import * as z from "zod";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type Kind = Schemas["DocumentKindEnum"];
export type RetentionPeriod = Schemas["RetentionPeriodEnum"];
export type DisclosureLevel = Schemas["DisclosureLevelEnum"];
export type ActionType = Schemas["ActionTypeEnum"];
export type DocumentDetail = Schemas["DocumentDetailOutput"];
export type CreatePayload = Schemas["DocumentCreateInputRequest"];
export type UpdatePayload = Schemas["PatchedDocumentUpdateInputRequest"];

export const KINDS = ["memo", "budget", "personnel"] as const satisfies readonly Kind[];
export const RETENTION_PERIODS = [
  "1y", "3y", "5y", "10y", "30y", "semi_permanent", "permanent",
] as const satisfies readonly RetentionPeriod[];
export const DISCLOSURE_LEVELS = ["open", "partial", "closed"] as const satisfies readonly DisclosureLevel[];
/** The level the drafter chose; "" until they choose (no silent default: the server refuses to submit without one). */
export type ChosenLevel = DisclosureLevel | "";
export const GROUNDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export const ACTION_TYPES = [
  "appointment", "transfer", "promotion", "leave", "return",
] as const satisfies readonly ActionType[];

/** What each action type needs of (target unit, target position), as the server rules. */
export const TARGETS: Record<ActionType, { unit: Need; position: Need }> = {
  appointment: { unit: "required", position: "required" },
  transfer: { unit: "required", position: "optional" },
  promotion: { unit: "optional", position: "required" },
  leave: { unit: "forbidden", position: "forbidden" },
  return: { unit: "optional", position: "optional" },
};
type Need = "required" | "optional" | "forbidden";

export interface DraftValues {
  title: string;
  body: string;
  recipient: string;
  retention_period: RetentionPeriod;
  proposed_disclosure_level: ChosenLevel;
  proposed_disclosure_grounds: number[];
  budget: { fiscal_year: string; budget_line: string; amount: string; payee: string; purpose: string };
  personnel: {
    person: string;
    action_type: ActionType | "";
    effective_date: string;
    target_unit: string;
    target_position: string;
  };
}

export function seoulYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul", year: "numeric" }).format(now));
}

export function emptyDraft(now: Date = new Date()): DraftValues {
  return {
    title: "",
    body: "",
    recipient: "",
    retention_period: "5y",
    proposed_disclosure_level: "",
    proposed_disclosure_grounds: [],
    budget: { fiscal_year: String(seoulYear(now)), budget_line: "", amount: "", payee: "", purpose: "" },
    personnel: { person: "", action_type: "", effective_date: "", target_unit: "", target_position: "" },
  };
}

const idString = (value: number | null | undefined) => (value == null ? "" : String(value));

/** The form's values for a document the server answered. */
export function valuesFromDocument(document: DocumentDetail): DraftValues {
  const empty = emptyDraft();
  const grounds = Array.isArray(document.proposed_disclosure_grounds)
    ? (document.proposed_disclosure_grounds as unknown[]).filter((g): g is number => typeof g === "number")
    : [];
  return {
    title: document.title,
    body: document.body ?? "",
    recipient: document.recipient ?? "",
    retention_period: document.retention_period ?? "5y",
    proposed_disclosure_level: document.proposed_disclosure_level ?? "",
    proposed_disclosure_grounds: grounds,
    budget: document.budget
      ? {
          fiscal_year: String(document.budget.fiscal_year),
          budget_line: idString(document.budget.budget_line),
          amount: String(document.budget.amount),
          payee: document.budget.payee,
          purpose: document.budget.purpose,
        }
      : empty.budget,
    personnel: document.personnel
      ? {
          person: idString(document.personnel.person.id),
          action_type: document.personnel.action_type,
          effective_date: document.personnel.effective_date,
          target_unit: idString(document.personnel.target_unit),
          target_position: idString(document.personnel.target_position),
        }
      : empty.personnel,
  };
}

/** Digits of an amount typed with separators (1,200,000 or 1 200 000); NaN when not a number. */
export function parseAmount(text: string): number {
  const compact = text.replace(/[\s,원₩]/g, "");
  return /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

// Messages are keys of the drafting catalogue: the screen translates them.
const singleLine = (max: number) =>
  z.string().trim().max(max, { message: "validation.tooLong" }).refine((v) => !/[\r\n]/.test(v), {
    message: "validation.singleLine",
  });
const required = (schema: z.ZodString) => schema.min(1, { message: "validation.required" });

const budgetSchema = z.object({
  fiscal_year: z.string().regex(/^\d{4}$/, { message: "validation.year" }),
  budget_line: z.string().min(1, { message: "validation.chooseLine" }),
  amount: z
    .string()
    .min(1, { message: "validation.required" })
    .refine((v) => parseAmount(v) >= 1 && parseAmount(v) <= 10 ** 15, { message: "validation.amount" }),
  payee: required(singleLine(200)),
  purpose: required(singleLine(500)),
});

const personnelSchema = z
  .object({
    person: z.string().min(1, { message: "validation.choosePerson" }),
    action_type: z.string().min(1, { message: "validation.required" }),
    effective_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "validation.date" }),
    target_unit: z.string(),
    target_position: z.string(),
  })
  .superRefine((value, ctx) => {
    const rule = TARGETS[value.action_type as ActionType];
    if (!rule) return;
    if (rule.unit === "required" && !value.target_unit)
      ctx.addIssue({ code: "custom", path: ["target_unit"], message: "validation.required" });
    if (rule.position === "required" && !value.target_position)
      ctx.addIssue({ code: "custom", path: ["target_position"], message: "validation.required" });
  });

/** Whether `level` withholds anything, and so must cite grounds. */
export const withholds = (level: ChosenLevel): level is "partial" | "closed" => level === "partial" || level === "closed";

/**
 * The whole form, as it must be before it goes on an approval line. Saves never pass
 * through it: a draft saves with no level chosen, and only going on to the line needs one.
 */
export function draftSchema(kind: Kind) {
  return z
    .object({
      title: required(singleLine(300)),
      body: z.string(),
      recipient: singleLine(300),
      retention_period: z.enum(RETENTION_PERIODS),
      proposed_disclosure_level: z.enum(DISCLOSURE_LEVELS, { message: "validation.chooseLevel" }),
      proposed_disclosure_grounds: z.array(z.number().int().min(1).max(8)),
      budget: kind === "budget" ? budgetSchema : z.any(),
      personnel: kind === "personnel" ? personnelSchema : z.any(),
    })
    .superRefine((value, ctx) => {
      if (withholds(value.proposed_disclosure_level) && value.proposed_disclosure_grounds.length === 0) {
        ctx.addIssue({ code: "custom", path: ["proposed_disclosure_grounds"], message: "validation.grounds" });
      }
    });
}

function budgetBlock(values: DraftValues): Schemas["BudgetFieldsRequest"] | null {
  const parsed = budgetSchema.safeParse(values.budget);
  if (!parsed.success) return null;
  return {
    fiscal_year: Number(parsed.data.fiscal_year),
    budget_line: Number(parsed.data.budget_line),
    amount: parseAmount(parsed.data.amount),
    payee: parsed.data.payee,
    purpose: parsed.data.purpose,
  };
}

function personnelBlock(values: DraftValues): Schemas["PersonnelFieldsRequest"] | null {
  const parsed = personnelSchema.safeParse(values.personnel);
  if (!parsed.success) return null;
  const rule = TARGETS[parsed.data.action_type as ActionType];
  const id = (text: string, need: Need) => (need === "forbidden" || !text ? null : Number(text));
  return {
    person: Number(parsed.data.person),
    action_type: parsed.data.action_type as ActionType,
    effective_date: parsed.data.effective_date,
    target_unit: id(parsed.data.target_unit, rule.unit),
    target_position: id(parsed.data.target_position, rule.position),
  };
}

export interface Savable {
  /** What a save sends now; null when nothing can be saved yet. */
  payload: UpdatePayload | null;
  /** Why a new draft cannot be created yet: "title", or the kind's block. */
  waitingFor: "title" | "budget" | "personnel" | null;
}

/**
 * What an autosave can send: every field that is valid on its own. The server needs
 * a title, and a kind's block whole (it checks the block's fields together), so an
 * unfinished block is left out of an update and a new draft waits until it is whole.
 */
export function savablePayload(kind: Kind, values: DraftValues, isNew: boolean): Savable {
  const title = values.title.trim();
  // Open, or not chosen yet ("", which a save may send): no grounds, as the server rules.
  const withheld = withholds(values.proposed_disclosure_level);
  const payload: UpdatePayload = {
    body: values.body,
    recipient: values.recipient.trim(),
    retention_period: values.retention_period,
    proposed_disclosure_level: values.proposed_disclosure_level,
    proposed_disclosure_grounds: withheld ? [...values.proposed_disclosure_grounds].sort((a, b) => a - b) : [],
  };
  if (title && !/[\r\n]/.test(title) && title.length <= 300) payload.title = title;
  if (kind === "budget") {
    const block = budgetBlock(values);
    if (block) payload.budget = block;
  }
  if (kind === "personnel") {
    const block = personnelBlock(values);
    if (block) payload.personnel = block;
  }
  // Partial or closed without a ground yet: the server refuses the pair, so the level
  // waits for its first ground rather than failing every save while the person chooses.
  if (withheld && payload.proposed_disclosure_grounds?.length === 0) {
    delete payload.proposed_disclosure_level;
    delete payload.proposed_disclosure_grounds;
  }
  if (isNew) {
    if (!payload.title) return { payload: null, waitingFor: "title" };
    if (kind === "budget" && !payload.budget) return { payload: null, waitingFor: "budget" };
    if (kind === "personnel" && !payload.personnel) return { payload: null, waitingFor: "personnel" };
  }
  return { payload, waitingFor: null };
}

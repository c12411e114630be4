// The API names each error's field with a dotted path ("budget.amount",
// "personnel.target_unit", "proposed_disclosure_grounds.0"); the form's fields have the
// same names, so each message lands on its field in the server's own words.
import { isApiError } from "@/api/errors";

/** The form's fields that can carry an error, by their dotted name. */
export const FORM_FIELDS = [
  "title",
  "body",
  "recipient",
  "retention_period",
  "proposed_disclosure_level",
  "proposed_disclosure_grounds",
  "budget.fiscal_year",
  "budget.budget_line",
  "budget.amount",
  "budget.payee",
  "budget.purpose",
  "personnel.person",
  "personnel.action_type",
  "personnel.effective_date",
  "personnel.target_unit",
  "personnel.target_position",
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
const KNOWN = new Set<string>(FORM_FIELDS);

export interface MappedErrors {
  /** Messages for fields of the form, in the order the server gave them. */
  fields: Map<FormField, string[]>;
  /** Messages that belong to no single field (status, lock_version, a whole block). */
  form: string[];
}

/** The field a dotted server path belongs to: itself, or its nearest known parent. */
export function fieldOf(path: string): FormField | null {
  const parts = path.split(".");
  for (let end = parts.length; end > 0; end -= 1) {
    const candidate = parts.slice(0, end).join(".");
    if (KNOWN.has(candidate)) return candidate as FormField;
  }
  return null;
}

export function mapServerErrors(error: unknown): MappedErrors {
  const mapped: MappedErrors = { fields: new Map(), form: [] };
  if (!isApiError(error)) return mapped;
  const items = error.errors ?? [];
  for (const item of items) {
    const field = fieldOf(item.field);
    if (field) mapped.fields.set(field, [...(mapped.fields.get(field) ?? []), item.message]);
    else mapped.form.push(item.message);
  }
  if (items.length === 0 && error.detail) mapped.form.push(error.detail);
  return mapped;
}

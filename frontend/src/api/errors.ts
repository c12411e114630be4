// The API answers every error in one shape (backend/core/api/errors.py), declared in the
// schema as `Error`: {type, detail, errors: [{field, code, message}]}, fields dotted
// ("line.stages.0.steps"); a task action's 409 adds `acted_by` (who acted first).
import type { components } from "./schema";

export type ApiError = components["schemas"]["Error"];
export type ActedBy = components["schemas"]["ActedBy"];

export function isApiError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && "type" in value && "detail" in value;
}

/** Messages keyed by field path, for forms and the line editor. */
export function fieldErrors(error: unknown): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  if (!isApiError(error)) return byField;
  for (const item of error.errors ?? []) {
    byField.set(item.field, [...(byField.get(item.field) ?? []), item.message]);
  }
  return byField;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(body?.detail ?? `HTTP ${status}`);
  }
}

/** Unwraps an openapi-fetch result: the data, or an ApiFailure carrying the server's words. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiFailure(result.response.status, isApiError(result.error) ? result.error : null);
  }
  return result.data as T;
}

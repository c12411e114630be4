import { get, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { DraftValues } from "./schema";

/**
 * The message to show under a field: the server's own words as it sent them, or the
 * translation of the form's rule (its message is a key of the drafting catalogue).
 */
export function useFieldError(form: UseFormReturn<DraftValues>) {
  const { t } = useTranslation("drafting");
  const errors = form.formState.errors;
  return (name: string): string | undefined => {
    const error = get(errors, name) as { type?: string; message?: string } | undefined;
    if (!error?.message) return undefined;
    return error.type === "server" ? error.message : t(error.message);
  };
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@/api/client";
import { ApiFailure, fieldErrors, unwrap } from "@/api/errors";
import type { components } from "@/api/schema";
import { Button } from "@/ui/Button";
import { FormField } from "@/ui/FormField";
import { type Line, type LineOutput, lineToInput } from "./lineState";
import { type SavedLine, savedLinesQuery } from "./queries";

type DocumentKind = components["schemas"]["DocumentKindEnum"];

/** The stored shape of a saved line's stages ({kind, assignees}), read defensively. */
function stageKinds(saved: SavedLine): string[] {
  if (!Array.isArray(saved.stages)) return [];
  return saved.stages.map((stage: unknown) =>
    typeof stage === "object" && stage !== null && "kind" in stage ? String((stage as { kind: unknown }).kind) : "",
  );
}

/** Who on a saved line has left or moved since it was saved, in the server's words. */
function warningsOf(saved: Pick<SavedLine, "warnings">): string[] {
  return [...new Set(saved.warnings.map((warning) => warning.message))];
}

export interface SavedLinesProps {
  documentId: string;
  kind: DocumentKind;
  line: Line;
  /** A saved line applied to this document: the server's line, its rule resolved. */
  onApply: (output: LineOutput, name: string) => void;
  /** Applying failed on the rules: the server's errors, for the line above. */
  onApplyErrors: (name: string, errors: { field: string; message: string }[]) => void;
}

export function SavedLines({ documentId, kind, line, onApply, onApplyErrors }: SavedLinesProps) {
  const { t } = useTranslation("line");
  const queryClient = useQueryClient();
  const saved = useQuery(savedLinesQuery);
  const [chosen, setChosen] = useState<string>("");
  const [name, setName] = useState("");
  const [confirming, setConfirming] = useState<number | null>(null);
  // Cancelling puts the focus back on the delete button it replaced.
  const buttons = useRef<HTMLDivElement>(null);
  const refocusDelete = useRef(false);
  useEffect(() => {
    if (confirming !== null || !refocusDelete.current) return;
    refocusDelete.current = false;
    buttons.current?.querySelector<HTMLButtonElement>("[data-delete]")?.focus();
  }, [confirming]);
  const [message, setMessage] = useState<{ tone: "success" | "warning" | "danger"; text: string; details?: string[] } | null>(null);
  const selectId = useId();

  const available = (saved.data ?? []).filter((item) => !item.kind || item.kind === kind);
  const current = available.find((item) => String(item.id) === chosen) ?? available[0];
  const currentWarnings = current ? warningsOf(current) : [];

  const apply = useMutation({
    mutationFn: async (item: SavedLine) =>
      unwrap(
        await api.POST("/api/saved-lines/{id}/apply/", {
          params: { path: { id: String(item.id) } },
          body: { document: Number(documentId) },
        }),
      ),
    onSuccess: (output, item) => {
      const warnings = warningsOf(output);
      setMessage(warnings.length ? { tone: "warning", text: t("saved.appliedWithWarnings", { name: item.name }), details: warnings } : null);
      onApply(output, item.name);
    },
    onError: (error, item) => {
      if (error instanceof ApiFailure && error.status === 400 && error.body) {
        // Its errors name the saved line's own entries (and the people by name): shown here,
        // not on the line being edited, which is left as it was.
        const details = (error.body.errors ?? []).map((entry) => entry.message);
        setMessage({ tone: "danger", text: t("saved.applyFailed", { name: item.name }), details });
        onApplyErrors(item.name, error.body.errors ?? []);
      } else {
        setMessage({ tone: "danger", text: error instanceof ApiFailure ? error.message : t("common:errors.network") });
      }
    },
  });

  const save = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/api/saved-lines/", { body: { name: name.trim(), kind, line: lineToInput(line) } })),
    onSuccess: (created) => {
      setName("");
      setChosen(String(created.id));
      setMessage({ tone: "success", text: t("saved.savedAs", { name: created.name }) });
      void queryClient.invalidateQueries({ queryKey: savedLinesQuery.queryKey });
    },
  });
  const saveErrors = save.error ? fieldErrors(save.error instanceof ApiFailure ? save.error.body : null) : new Map<string, string[]>();
  const nameError =
    saveErrors.get("name")?.join(" ") ??
    (save.error && !saveErrors.size ? (save.error instanceof ApiFailure ? save.error.message : t("common:errors.network")) : undefined);
  const lineError = [...saveErrors.entries()].filter(([field]) => field.startsWith("line")).flatMap(([, list]) => list);

  const remove = useMutation({
    mutationFn: async (item: SavedLine) => {
      const result = await api.DELETE("/api/saved-lines/{id}/", { params: { path: { id: String(item.id) } } });
      if (!result.response.ok) unwrap(result);
    },
    onSuccess: (_data, item) => {
      setChosen("");
      setConfirming(null);
      setMessage({ tone: "success", text: t("saved.deleted", { name: item.name }) });
      void queryClient.invalidateQueries({ queryKey: savedLinesQuery.queryKey });
    },
  });

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || save.isPending) return;
    save.mutate();
  };

  return (
    <div className="saved-lines">
      <div aria-live="polite">
        {message ? (
          <div className={`notice notice--${message.tone}`}>
            <p className="saved-lines__message">{message.text}</p>
            {message.details?.length ? (
              <ul>
                {[...new Set(message.details)].map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      {saved.isPending ? <p className="muted">{t("common:state.loading")}</p> : null}
      {saved.isSuccess && available.length === 0 ? <p className="muted">{t("saved.none")}</p> : null}
      {current ? (
        <div className="saved-lines__apply">
          <div className="field">
            <label className="field__label" htmlFor={selectId}>
              {t("saved.choose")}
            </label>
            <select id={selectId} value={String(current.id)} onChange={(event) => setChosen(event.target.value)}>
              {available.map((item) => {
                const kinds = stageKinds(item);
                return (
                  <option key={item.id} value={item.id}>
                    {t("saved.option", { name: item.name, count: kinds.length })}
                    {warningsOf(item).length ? ` ⚠ ${t("saved.hasWarning")}` : ""}
                  </option>
                );
              })}
            </select>
          </div>
          {currentWarnings.length ? (
            <div className="notice notice--warning" role="note">
              <p className="saved-lines__warning-title">
                <span aria-hidden="true">⚠ </span>
                {t("saved.warningTitle", { name: current.name })}
              </p>
              <ul>
                {currentWarnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="saved-lines__buttons" ref={buttons}>
            <Button variant="secondary" isPending={apply.isPending} onPress={() => apply.mutate(current)}>
              {t("saved.apply")}
            </Button>
            {confirming === current.id ? (
              <>
                <Button variant="danger" autoFocus isPending={remove.isPending} onPress={() => remove.mutate(current)}>
                  {t("saved.confirmDelete", { name: current.name })}
                </Button>
                <Button
                  variant="tertiary"
                  onPress={() => {
                    setConfirming(null);
                    refocusDelete.current = true;
                  }}
                >
                  {t("common:actions.cancel")}
                </Button>
              </>
            ) : (
              <Button variant="tertiary" data-delete onPress={() => setConfirming(current.id)} aria-label={t("saved.deleteNamed", { name: current.name })}>
                {t("saved.delete")}
              </Button>
            )}
          </div>
        </div>
      ) : null}
      <form className="saved-lines__save" onSubmit={onSave} noValidate>
        <FormField
          label={t("saved.name")}
          description={t("saved.nameHint")}
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            // The Enter that ends a Hangul composition is the IME's, not a request to save.
            if (event.key === "Enter" && (event.nativeEvent.isComposing || event.keyCode === 229)) event.preventDefault();
          }}
          error={nameError}
        />
        {lineError.length ? <p className="field__error">{lineError.join(" ")}</p> : null}
        <Button type="submit" variant="tertiary" isDisabled={!name.trim() || line.stages.length === 0} isPending={save.isPending}>
          {t("saved.save")}
        </Button>
      </form>
    </div>
  );
}

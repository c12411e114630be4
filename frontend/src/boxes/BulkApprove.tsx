import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, newIdempotencyKey } from "@/api/client";
import { ApiFailure, unwrap } from "@/api/errors";
import type { components } from "@/api/schema";
import { Button } from "@/ui/Button";
import type { BoxItem } from "./boxes";
import { useRefreshBoxes } from "./queries";

type Result = components["schemas"]["BulkResultOutput"];

/** A step that "approve" applies to: consult steps agree or disagree, one by one. */
export function canBulkApprove(item: BoxItem): boolean {
  return item.step !== null && item.step.stage_kind !== "consult";
}

interface Props {
  selected: readonly BoxItem[];
  onDone: (approvedTaskIds: number[]) => void;
}

/** One comment for every selected document, then what became of each: approved, taken first, refused. */
export function BulkApprove({ selected, onDone }: Props) {
  const { t } = useTranslation("boxes");
  const id = useId();
  const [comment, setComment] = useState("");
  const [outcome, setOutcome] = useState<{ results: Result[]; titles: Map<number, string> } | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const refresh = useRefreshBoxes();
  // One key per intention: a double press or a retry of the same request acts once.
  const key = useRef(newIdempotencyKey());
  const taskIds = selected.map((item) => item.step?.id ?? 0).filter(Boolean);
  useEffect(() => {
    key.current = newIdempotencyKey();
  }, [comment, taskIds.join(",")]);

  const approve = useMutation({
    mutationFn: async (body: { task_ids: number[]; comment: string }) =>
      unwrap(
        await api.POST("/api/tasks/bulk-approve/", {
          params: { header: { "Idempotency-Key": key.current } },
          body,
        }),
      ),
    onSettled: () => void refresh(),
  });

  function submit() {
    const titles = new Map(selected.map((item) => [item.step?.id ?? 0, item.document.title]));
    approve.mutate(
      { task_ids: taskIds, comment },
      {
        onSuccess: ({ results }) => {
          setOutcome({ results, titles });
          setComment("");
          onDone(results.filter((result) => result.outcome === "approved").map((result) => result.task));
          requestAnimationFrame(() => resultsHeading.current?.focus());
        },
      },
    );
  }

  if (selected.length === 0 && !outcome && !approve.error) return null;
  const error = approve.error instanceof ApiFailure ? (approve.error.body?.detail ?? t("bulk.failed")) : approve.error ? t("bulk.failed") : null;
  return (
    <section className="bulk" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="bulk__title">
        {t("bulk.title")} <span className="bulk__count">{t("bulk.selected", { count: selected.length })}</span>
      </h2>
      {selected.length > 0 ? (
        <div className="bulk__form">
          <label htmlFor={`${id}-comment`} className="box-filters__label">
            {t("bulk.comment")}
          </label>
          <textarea
            id={`${id}-comment`}
            className="bulk__comment"
            rows={2}
            maxLength={2000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
          <Button variant="primary" size="large" isPending={approve.isPending} onPress={submit}>
            {t("bulk.approve", { count: selected.length })}
          </Button>
        </div>
      ) : (
        <p className="muted bulk__hint">{t("bulk.hint")}</p>
      )}
      {error ? (
        <p className="notice notice--danger" role="alert">
          {error}
        </p>
      ) : null}
      {outcome ? (
        <div className="bulk__results">
          <h3 tabIndex={-1} ref={resultsHeading}>
            {t("bulk.results", {
              approved: outcome.results.filter((result) => result.outcome === "approved").length,
              count: outcome.results.length,
            })}
          </h3>
          <ul>
            {outcome.results.map((result) => (
              <li key={result.task} data-outcome={result.outcome}>
                <strong>{outcome.titles.get(result.task) ?? t("bulk.task", { id: result.task })}</strong>{" "}
                <ResultText result={result} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function ResultText({ result }: { result: Result }) {
  const { t } = useTranslation("boxes");
  if (result.outcome === "approved") {
    return <span className="badge badge--success">{result.document?.number ? t("bulk.approvedNumber", { number: result.document.number }) : t("bulk.approved")}</span>;
  }
  if (result.outcome === "conflict" && result.acted_by) {
    return (
      <span className="badge badge--warning">
        {t("bulk.conflict", { name: result.acted_by.name, position: result.acted_by.position })}
      </span>
    );
  }
  return <span className="badge badge--danger">{t("bulk.refused", { detail: result.detail ?? "" })}</span>;
}

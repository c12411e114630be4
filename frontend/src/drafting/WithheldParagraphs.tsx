import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@/api/client";
import { ApiFailure, unwrap } from "@/api/errors";
import type { components } from "@/api/schema";

type Paragraph = components["schemas"]["WithheldParagraph"];

export const withheldQuery = (documentId: number) => ({
  queryKey: ["documents", String(documentId), "withheld"] as const,
  queryFn: async () =>
    unwrap(
      await api.GET("/api/disclosure/documents/{document_id}/withheld-paragraphs/", {
        params: { path: { document_id: documentId } },
      }),
    ),
});

/**
 * Paragraph marks (partial disclosure): the saved body's paragraphs as the server counts
 * them, each with a box to withhold it on one of the grounds cited. The list follows the
 * saved draft, so it is refreshed after every save.
 */
export function WithheldParagraphs({ documentId, grounds }: { documentId: number | null; grounds: number[] }) {
  const { t } = useTranslation("drafting");
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const list = useQuery({ ...withheldQuery(documentId ?? 0), enabled: documentId !== null });
  const key = withheldQuery(documentId ?? 0).queryKey;

  const mark = useMutation({
    mutationFn: async ({ index, ground }: { index: number; ground: number | null }) => {
      const path = { document_id: documentId ?? 0, index };
      if (ground === null) {
        const result = await api.DELETE("/api/disclosure/documents/{document_id}/withheld-paragraphs/{index}/", {
          params: { path },
        });
        if (!result.response.ok) unwrap(result);
        return;
      }
      unwrap(
        await api.PUT("/api/disclosure/documents/{document_id}/withheld-paragraphs/{index}/", {
          params: { path },
          body: { ground, note: "" },
        }),
      );
    },
    onMutate: () => setProblem(null),
    onError: (error) => setProblem(error instanceof ApiFailure ? (error.body?.errors?.[0]?.message ?? error.message) : t("withheld.failed")),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  if (documentId === null) return <p className="muted">{t("withheld.saveFirst")}</p>;
  const paragraphs: Paragraph[] = list.data ?? [];
  const choices = grounds.length ? grounds : [6];

  return (
    <div className="withheld">
      <h3 className="withheld__title">{t("withheld.title")}</h3>
      <p className="field__description">{t("withheld.hint")}</p>
      {paragraphs.length === 0 && !list.isLoading ? <p className="muted">{t("withheld.empty")}</p> : null}
      <ol className="withheld__list">
        {paragraphs.map((paragraph) => {
          const withheld = paragraph.mark !== null;
          const label = t("withheld.paragraph", { number: paragraph.index + 1 });
          return (
            <li key={paragraph.index} className={withheld ? "withheld__item withheld__item--on" : "withheld__item"}>
              <p className="withheld__text">
                <span className="withheld__number">{label}</span> {paragraph.text}
              </p>
              <div className="withheld__controls">
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={withheld}
                    disabled={mark.isPending}
                    onChange={(event) =>
                      mark.mutate({ index: paragraph.index, ground: event.target.checked ? (choices[0] ?? 6) : null })
                    }
                    aria-label={t("withheld.toggle", { paragraph: label })}
                  />
                  <span aria-hidden="true">{t("withheld.withhold")}</span>
                </label>
                {withheld ? (
                  <select
                    aria-label={t("withheld.groundFor", { paragraph: label })}
                    value={String(paragraph.mark?.ground ?? choices[0])}
                    disabled={mark.isPending}
                    onChange={(event) => mark.mutate({ index: paragraph.index, ground: Number(event.target.value) })}
                  >
                    {[...new Set([...choices, paragraph.mark?.ground ?? choices[0] ?? 6])].map((ground) => (
                      <option key={ground} value={String(ground)}>
                        {t("disclosure.groundNumber", { number: ground })} {t(`disclosure.groundNames.${ground}`)}
                      </option>
                    ))}
                  </select>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

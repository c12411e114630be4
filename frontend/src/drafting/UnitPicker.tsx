import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@/api/client";
import { unwrap } from "@/api/errors";
import type { components } from "@/api/schema";

type Unit = components["schemas"]["UnitOutput"];

const childrenQuery = (parent: number | null) => ({
  queryKey: ["units", "children", parent] as const,
  queryFn: async () =>
    unwrap(
      await api.GET("/api/units/", { params: { query: { page_size: 200, ...(parent ? { parent } : {}) } } }),
    ).results,
  staleTime: 5 * 60_000,
});

const unitQuery = (id: number) => ({
  queryKey: ["units", id] as const,
  queryFn: async () => unwrap(await api.GET("/api/units/{id}/", { params: { path: { id } } })),
  staleTime: 5 * 60_000,
});

function unitName(unit: Unit, language: string) {
  return language === "en" && unit.name_en ? unit.name_en : unit.name;
}

interface UnitPickerProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  isRequired?: boolean;
}

/**
 * The organisation one level at a time (the API's unit tree): a select per level, each
 * narrowing the next, so the 174 units of a city hall never stand in one list. The unit
 * chosen is the deepest level chosen.
 */
export function UnitPicker({ label, value, onChange, error, isRequired }: UnitPickerProps) {
  const { t, i18n } = useTranslation("drafting");
  const queryClient = useQueryClient();
  const id = useId();
  const [path, setPath] = useState<number[]>([]);

  // A unit already chosen (an opened draft): find its ancestors to show the path.
  const chosen = value ? Number(value) : null;
  const known = useQuery({ ...unitQuery(chosen ?? 0), enabled: chosen !== null && !path.includes(chosen) });
  useEffect(() => {
    if (!known.data || path.includes(known.data.id)) return;
    let cancelled = false;
    void (async () => {
      const chain: number[] = [known.data.id];
      let parent = known.data.parent ?? null;
      while (parent) {
        const unit = await queryClient.fetchQuery(unitQuery(parent));
        chain.unshift(unit.id);
        parent = unit.parent ?? null;
      }
      if (!cancelled) setPath(chain);
    })();
    return () => {
      cancelled = true;
    };
  }, [known.data, path, queryClient]);

  const parents = [null, ...path];
  const levels = useQueries({ queries: parents.map((parent) => childrenQuery(parent)) });

  const choose = (level: number, text: string) => {
    const next = text ? [...path.slice(0, level), Number(text)] : path.slice(0, level);
    setPath(next);
    onChange(next.length ? String(next[next.length - 1]) : "");
  };

  return (
    <fieldset className="unit-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">
        {label}
        {isRequired ? <span className="visually-hidden"> ({t("required")})</span> : null}
      </legend>
      {levels.map((level, index) => {
        const options = level.data ?? [];
        if (index > 0 && options.length === 0) return null;
        return (
          <div className="field unit-picker__level" key={parents[index] ?? "root"}>
            <label className="visually-hidden" htmlFor={`${id}-${index}`}>
              {t("personnel.unitLevel", { level: index + 1 })}
            </label>
            <select
              id={`${id}-${index}`}
              value={path[index] ? String(path[index]) : ""}
              aria-invalid={error ? true : undefined}
              onChange={(event) => choose(index, event.target.value)}
            >
              <option value="">{index === 0 ? t("personnel.chooseUnit") : t("personnel.wholeUnit")}</option>
              {options.map((unit) => (
                <option key={unit.id} value={String(unit.id)}>
                  {unitName(unit, i18n.language)}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

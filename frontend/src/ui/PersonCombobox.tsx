import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import {
  Button as AriaButton,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from "react-aria-components";
import { useTranslation } from "react-i18next";
import { api } from "@/api/client";
import { unwrap } from "@/api/errors";
import type { components } from "@/api/schema";
import { personLabel } from "./people";
import "./person-combobox.css";
import { useDebounced } from "./useDebounced";

export type Person = components["schemas"]["PersonOutput"];

export interface PersonComboboxProps {
  label: string;
  value: Person | null;
  onChange: (person: Person | null) => void;
  /** Only people of this unit. */
  unit?: number | undefined;
  /** People already chosen elsewhere (the line's steps): not offered again. */
  excludeIds?: readonly number[];
  description?: string;
  error?: string | undefined;
  isRequired?: boolean;
  isDisabled?: boolean;
  /** For adding people one after another: the field empties once someone is chosen. */
  clearOnSelect?: boolean;
  className?: string;
}

const DEBOUNCE_MS = 250;

export function positionLabel(person: Person, language: string): string {
  if (!person.position) return "";
  return language === "en" && person.position.title_en ? person.position.title_en : person.position.title;
}

/**
 * The people picker: a combo box over the API's people search (name, 초성 and romanised
 * input are matched by the server; q is passed as typed). Hangul typed through an IME is
 * searched once its composition ends, never on the intermediate jamo (ㄱ, 기, 김), and an
 * Enter that ends a composition selects nothing and submits nothing.
 */
export function PersonCombobox({
  label,
  value,
  onChange,
  unit,
  excludeIds,
  description,
  error,
  isRequired,
  isDisabled,
  clearOnSelect = false,
  className,
}: PersonComboboxProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [inputValue, setInputValue] = useState(() => (value ? personLabel(value, language) : ""));
  const [term, setTerm] = useState("");
  const composing = useRef(false);
  const query = useDebounced(term.trim(), DEBOUNCE_MS);
  const statusId = useId();

  // The chosen person changed from outside (picked, cleared after adding): show it.
  const valueId = value?.id ?? null;
  useEffect(() => {
    setInputValue(value ? personLabel(value, language) : "");
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the person changes
  }, [valueId, language]);

  const search = useQuery({
    queryKey: ["people", "search", { q: query, unit: unit ?? null }],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET("/api/people/", {
          params: { query: { q: query, page_size: 20, ...(unit ? { unit } : {}) } },
          signal,
        }),
      ),
    enabled: query.length > 0 && !isDisabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const items = useMemo(() => {
    const excluded = new Set(excludeIds ?? []);
    const found = (query ? (search.data?.results ?? []) : []).filter(
      (person) => !excluded.has(person.id) || person.id === value?.id,
    );
    // The chosen person stays in the collection so the combo box keeps showing it.
    if (value && !found.some((person) => person.id === value.id)) return [value, ...found];
    return found;
  }, [search.data, query, excludeIds, value]);

  const byId = useMemo(() => new Map(items.map((person) => [person.id, person])), [items]);

  // Choosing a person writes their name into the input; that is not typing. Searching for it
  // would change the collection under a focused input, and React Aria reopens the list then.
  const chosenLabel = useRef<string | null>(null);
  const onInputChange = (text: string) => {
    setInputValue(text);
    if (text === chosenLabel.current) return;
    chosenLabel.current = null;
    if (!composing.current) setTerm(text);
  };

  // Keys that belong to the IME (Enter ending 김민수's composition, arrows inside it) never
  // reach the combo box: React Aria or a form would read them as choosing or submitting.
  const onKeyDownCapture = (event: KeyboardEvent<HTMLInputElement>) => {
    const native = event.nativeEvent;
    if (composing.current || native.isComposing || native.keyCode === 229) {
      event.stopPropagation();
      if (event.key === "Enter" && !native.isComposing) event.preventDefault();
    }
  };

  const searching = search.isFetching && query.length > 0;
  return (
    <ComboBox
      className={["person-combobox", className].filter(Boolean).join(" ")}
      items={items}
      inputValue={inputValue}
      onInputChange={onInputChange}
      value={value?.id ?? null}
      onChange={(key) => {
        if (key === null) {
          if (value) onChange(null);
          return;
        }
        const person = byId.get(Number(key));
        if (!person || person.id === value?.id) return;
        chosenLabel.current = personLabel(person, language);
        setInputValue(chosenLabel.current);
        setTerm("");
        onChange(person);
        if (clearOnSelect) {
          setInputValue("");
          setTerm("");
        }
      }}
      allowsEmptyCollection={inputValue.trim().length > 0}
      menuTrigger="input"
      isInvalid={Boolean(error)}
      isRequired={isRequired ?? false}
      isDisabled={isDisabled ?? false}
      validationBehavior="aria"
    >
      <Label className="person-combobox__label">{label}</Label>
      {description ? (
        <Text slot="description" className="person-combobox__description">
          {description}
        </Text>
      ) : null}
      <div className="person-combobox__control">
        <Input
          className="person-combobox__input"
          placeholder={t("personPicker.placeholder")}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={(event) => {
            composing.current = false;
            setTerm(event.currentTarget.value);
          }}
          // No aria-describedby here: it would replace the one React Aria writes (the
          // description and the error); the live region below is announced by itself.
          onKeyDownCapture={onKeyDownCapture}
        />
        <AriaButton className="person-combobox__toggle" aria-label={t("personPicker.showResults")}>
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      <span id={statusId} className="visually-hidden" aria-live="polite">
        {searching ? t("state.loading") : ""}
      </span>
      <FieldError className="person-combobox__error">{error}</FieldError>
      <Popover className="person-combobox__popover" placement="bottom start" offset={4}>
        <ListBox<Person>
          className="person-combobox__list"
          renderEmptyState={() => (
            <p className="person-combobox__empty">
              {searching ? t("state.loading") : t("personPicker.noMatch", { query })}
            </p>
          )}
        >
          {(person) => (
            <ListBoxItem
              id={person.id}
              textValue={personLabel(person, language)}
              className="person-combobox__option"
            >
              <span className="person-combobox__name">{personLabel(person, language)}</span>
              <span className="person-combobox__meta">
                {[positionLabel(person, language), person.unit.name].filter(Boolean).join(" · ")}
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

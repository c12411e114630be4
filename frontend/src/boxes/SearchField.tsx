import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

const PAUSE_MS = 400;

/**
 * Text search that waits for the person: a pause in typing or Enter commits it, never a
 * half-composed Hangul syllable (ㅅ, 사, 삭… before 사과), and the Enter that ends an IME
 * composition submits nothing.
 */
export function SearchField({ value, onCommit }: { value: string; onCommit: (text: string) => void }) {
  const { t } = useTranslation("boxes");
  const id = useId();
  const [text, setText] = useState(value);
  const [ended, setEnded] = useState(0);
  const composing = useRef(false);
  const committed = useRef(value);
  const onCommitRef = useRef(onCommit);
  onCommitRef.current = onCommit;

  // The URL changed under us (a link, Back, clearing the filters): show what it says.
  useEffect(() => {
    committed.current = value;
    setText(value);
  }, [value]);

  useEffect(() => {
    if (composing.current || text.trim() === committed.current) return;
    const timer = setTimeout(() => commit(text), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, ended]);

  function commit(raw: string) {
    const next = raw.trim();
    if (next === committed.current) return;
    committed.current = next;
    onCommitRef.current(next);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (composing.current) return;
    commit(text);
  }

  return (
    <form role="search" className="box-search" onSubmit={onSubmit}>
      <label htmlFor={id} className="box-filters__label">
        {t("filters.text")}
      </label>
      <div className="box-search__row">
        <input
          id={id}
          type="search"
          className="box-filters__control"
          value={text}
          maxLength={200}
          enterKeyHint="search"
          onChange={(event) => setText(event.target.value)}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={(event) => {
            composing.current = false;
            setText(event.currentTarget.value);
            setEnded((n) => n + 1);
          }}
          onKeyDown={(event) => {
            // The Enter that commits a composition (isComposing, or 229 in Safari) is the IME's.
            if (event.key === "Enter" && (event.nativeEvent.isComposing || event.keyCode === 229)) event.preventDefault();
          }}
        />
        <button type="submit" className="btn btn--tertiary btn--medium">
          {t("filters.search")}
        </button>
      </div>
    </form>
  );
}

// The three forms a person starts a document from: favourites they star (kept in this
// browser, per person) and recent ones from their own latest drafts.
import { useState } from "react";
import { type BoxItem, KINDS, type Kind } from "@/boxes/boxes";

function storageKey(personKey: string): string {
  return `dojang.favouriteForms.${personKey}`;
}

export function readFavourites(personKey: string): Kind[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey(personKey)) ?? "[]");
    if (!Array.isArray(stored)) return [];
    return KINDS.filter((kind) => stored.includes(kind));
  } catch {
    return [];
  }
}

function writeFavourites(personKey: string, kinds: readonly Kind[]): void {
  try {
    window.localStorage.setItem(storageKey(personKey), JSON.stringify(kinds));
  } catch {
    // storage refused (private mode): starred for this visit only
  }
}

export function useFavourites(personKey: string) {
  const [favourites, setFavourites] = useState<Kind[]>(() => readFavourites(personKey));
  function toggle(kind: Kind) {
    setFavourites((current) => {
      const next = current.includes(kind) ? current.filter((k) => k !== kind) : KINDS.filter((k) => k === kind || current.includes(k));
      writeFavourites(personKey, next);
      return next;
    });
  }
  return { favourites, toggle };
}

/** The kinds of my latest documents, newest first, each once. */
export function recentKinds(items: readonly BoxItem[]): Kind[] {
  const sorted = [...items].sort((a, b) => b.document.updated_at.localeCompare(a.document.updated_at));
  const kinds: Kind[] = [];
  for (const item of sorted) if (!kinds.includes(item.document.kind)) kinds.push(item.document.kind);
  return kinds;
}

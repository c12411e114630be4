import { useSyncExternalStore } from "react";

const QUERY = "(min-width: 64rem)"; // 1024 px: list and document side by side

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia?.(QUERY);
  list?.addEventListener("change", onChange);
  return () => list?.removeEventListener("change", onChange);
}

/** True on a screen wide enough to show the document beside the list. */
export function useWideScreen(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia?.(QUERY).matches ?? false, () => false);
}

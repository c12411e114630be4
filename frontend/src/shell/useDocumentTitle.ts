import { useEffect } from "react";

/** The window's title in the language on screen (index.html starts it in Korean). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

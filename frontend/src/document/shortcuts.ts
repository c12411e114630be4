// The document's single-key shortcuts, for the "?" list the boxes screen shows.
// Labels are i18n keys in the "document" namespace: t(shortcut.label, { ns: "document" }).
export const DOCUMENT_SHORTCUTS = [
  { key: "a", label: "shortcuts.approve" },
  { key: "r", label: "shortcuts.return" },
  { key: "h", label: "shortcuts.hold" },
] as const;

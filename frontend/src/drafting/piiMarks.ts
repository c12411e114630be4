// Where the personal-information detector found something, drawn in the editor: the
// paragraph gets a marked edge and its number, the match itself a wavy underline. The
// server counts paragraphs as disclosure.redaction.body does (the innermost block that
// holds text, empty ones skipped); ProseMirror's non-empty textblocks are those blocks.
import { Extension } from "@tiptap/react";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export interface PiiMark {
  paragraph: number;
  start: number;
  end: number;
  /** What the margin says (the finding's number in the list below the editor). */
  note: string;
}

export const piiKey = new PluginKey<DecorationSet>("piiMarks");

/** The document position of each paragraph as the server counts them. */
export function paragraphPositions(doc: PMNode): { pos: number; node: PMNode }[] {
  const found: { pos: number; node: PMNode }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (node.textContent.trim()) found.push({ pos, node });
    return false;
  });
  return found;
}

/** The document position of character `offset` of a paragraph's plain text. */
function positionAt(paragraph: { pos: number; node: PMNode }, offset: number): number {
  let remaining = offset;
  let result = paragraph.pos + 1 + paragraph.node.content.size;
  let leading = true;
  paragraph.node.forEach((child, childOffset) => {
    if (result !== paragraph.pos + 1 + paragraph.node.content.size) return;
    const text = child.isText ? (child.text ?? "") : child.type.name === "hardBreak" ? "\n" : "";
    // The server drops the paragraph's leading spaces.
    const trimmed = leading ? text.length - text.trimStart().length : 0;
    if (text.trim()) leading = false;
    const length = text.length - trimmed;
    if (remaining <= length) result = paragraph.pos + 1 + childOffset + trimmed + remaining;
    else remaining -= length;
  });
  return result;
}

export function piiDecorations(doc: PMNode, marks: readonly PiiMark[]): DecorationSet {
  const paragraphs = paragraphPositions(doc);
  const decorations: Decoration[] = [];
  const notes = new Map<number, string[]>();
  for (const mark of marks) {
    const paragraph = paragraphs[mark.paragraph];
    if (!paragraph) continue;
    notes.set(mark.paragraph, [...(notes.get(mark.paragraph) ?? []), mark.note]);
    const from = positionAt(paragraph, mark.start);
    const to = positionAt(paragraph, mark.end);
    if (to > from) decorations.push(Decoration.inline(from, to, { class: "pii-span" }));
  }
  for (const [index, list] of notes) {
    const paragraph = paragraphs[index];
    if (!paragraph) continue;
    decorations.push(
      Decoration.node(paragraph.pos, paragraph.pos + paragraph.node.nodeSize, {
        class: "pii-paragraph",
        "data-pii": `⚠ ${list.join(", ")}`,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** Set the marks with `editor.view.dispatch(editor.state.tr.setMeta(piiKey, marks))`. */
export const PiiMarks = Extension.create({
  name: "piiMarks",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: piiKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const marks = tr.getMeta(piiKey) as readonly PiiMark[] | undefined;
            if (marks) return piiDecorations(tr.doc, marks);
            // Typing moves the marks with the text until the next scan answers.
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => piiKey.getState(state),
        },
      }),
    ];
  },
});

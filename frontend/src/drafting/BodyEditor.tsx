import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { type RefObject, useEffect, useId, useImperativeHandle } from "react";
import { useTranslation } from "react-i18next";
import { type PiiMark, PiiMarks, paragraphPositions, piiKey } from "./piiMarks";

/**
 * The body's rich text, limited to what the server's sanitiser keeps (documents.sanitize):
 * paragraphs, headings, lists, quotes, rules, bold/italic/underline/strike and http(s) or
 * mailto links. No images, tables or code blocks are offered, so nothing typed here is
 * silently dropped on save. Typing "1. " stays text: the 편람's item markers are
 * literal, and the official layout indents by them. ProseMirror handles IME composition itself: a Hangul syllable
 * is committed whole, and Enter that ends a composition does not split the paragraph.
 */
export const BODY_EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    codeBlock: false,
    code: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      isAllowedUri: (url) => /^(https?:|mailto:)/i.test(url),
      HTMLAttributes: { target: null, rel: null, class: null },
    },
  }),
  PiiMarks,
];

export interface BodyHandle {
  /** Put the caret at the start of the server's paragraph `index` and scroll to it. */
  focusParagraph: (index: number) => void;
}

interface BodyEditorProps {
  label: string;
  value: string;
  onChange: (html: string) => void;
  onComposingChange: (composing: boolean) => void;
  error?: string | undefined;
  describedBy?: string | undefined;
  /** Continue typing at the end (the draft was just created under the person's hands). */
  autofocus?: boolean;
  /** The detector's findings to draw in the text. */
  marks?: readonly PiiMark[];
  handle?: RefObject<BodyHandle | null>;
}

export function BodyEditor({
  label,
  value,
  onChange,
  onComposingChange,
  error,
  describedBy,
  autofocus,
  marks,
  handle,
}: BodyEditorProps) {
  const { t } = useTranslation("drafting");
  const labelId = useId();
  const errorId = useId();
  const editor = useEditor({
    extensions: BODY_EXTENSIONS,
    content: value,
    autofocus: autofocus ? "end" : false,
    // No markdown-like shortcuts: "1. " and "가. " are the official item markers, typed as
    // text (the official layout indents them by level), never turned into a list.
    enableInputRules: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(error || describedBy ? { "aria-describedby": [error ? errorId : "", describedBy ?? ""].join(" ").trim() } : {}),
        ...(error ? { "aria-invalid": "true" } : {}),
        class: "body-editor__content",
      },
      handleDOMEvents: {
        compositionstart: () => {
          onComposingChange(true);
          return false;
        },
        compositionend: () => {
          onComposingChange(false);
          return false;
        },
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.isEmpty ? "" : current.getHTML()),
  });

  // Their version taken after a conflict: the editor shows it.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const current = editor.isEmpty ? "" : editor.getHTML();
    if (value !== current) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(piiKey, marks ?? []).setMeta("addToHistory", false));
  }, [editor, marks]);

  useImperativeHandle(
    handle,
    () => ({
      focusParagraph: (index: number) => {
        if (!editor || editor.isDestroyed) return;
        const paragraph = paragraphPositions(editor.state.doc)[index];
        if (!paragraph) return;
        editor.chain().focus().setTextSelection(paragraph.pos + 1).scrollIntoView().run();
      },
    }),
    [editor],
  );

  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      underline: e?.isActive("underline") ?? false,
      strike: e?.isActive("strike") ?? false,
      h2: e?.isActive("heading", { level: 2 }) ?? false,
      h3: e?.isActive("heading", { level: 3 }) ?? false,
      bulletList: e?.isActive("bulletList") ?? false,
      orderedList: e?.isActive("orderedList") ?? false,
      blockquote: e?.isActive("blockquote") ?? false,
    }),
  });

  const tools: { key: keyof NonNullable<typeof active>; run: () => void; glyph: string }[] = editor
    ? [
        { key: "bold", run: () => editor.chain().focus().toggleBold().run(), glyph: "B" },
        { key: "italic", run: () => editor.chain().focus().toggleItalic().run(), glyph: "I" },
        { key: "underline", run: () => editor.chain().focus().toggleUnderline().run(), glyph: "U" },
        { key: "strike", run: () => editor.chain().focus().toggleStrike().run(), glyph: "S" },
        { key: "h2", run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(), glyph: "H2" },
        { key: "h3", run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(), glyph: "H3" },
        { key: "bulletList", run: () => editor.chain().focus().toggleBulletList().run(), glyph: "•" },
        { key: "orderedList", run: () => editor.chain().focus().toggleOrderedList().run(), glyph: "1." },
        { key: "blockquote", run: () => editor.chain().focus().toggleBlockquote().run(), glyph: "❝" },
      ]
    : [];

  return (
    <div className="body-editor">
      <span className="field__label" id={labelId}>
        {label}
      </span>
      <div className="body-editor__toolbar" role="toolbar" aria-label={t("editor.toolbar")}>
        {tools.map((tool) => (
          <button
            key={tool.key}
            type="button"
            className="body-editor__tool"
            aria-pressed={active?.[tool.key] ?? false}
            aria-label={t(`editor.${tool.key}`)}
            title={t(`editor.${tool.key}`)}
            onClick={tool.run}
          >
            <span aria-hidden="true">{tool.glyph}</span>
          </button>
        ))}
        <button
          type="button"
          className="body-editor__tool"
          aria-label={t("editor.undo")}
          title={t("editor.undo")}
          onClick={() => editor?.chain().focus().undo().run()}
        >
          <span aria-hidden="true">↶</span>
        </button>
        <button
          type="button"
          className="body-editor__tool"
          aria-label={t("editor.redo")}
          title={t("editor.redo")}
          onClick={() => editor?.chain().focus().redo().run()}
        >
          <span aria-hidden="true">↷</span>
        </button>
      </div>
      <EditorContent editor={editor} className={error ? "body-editor__frame body-editor__frame--invalid" : "body-editor__frame"} />
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

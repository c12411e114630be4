import { getSchema } from "@tiptap/react";
import { DOMParser as PMDOMParser } from "@tiptap/pm/model";
import { BODY_EXTENSIONS } from "./BodyEditor";
import { paragraphPositions, piiDecorations } from "./piiMarks";

const schema = getSchema(BODY_EXTENSIONS);
function doc(html: string) {
  const element = document.createElement("div");
  element.innerHTML = html;
  return PMDOMParser.fromSchema(schema).parse(element);
}

describe("paragraphs as the server counts them", () => {
  it("are the non-empty text blocks, list items and quotes included", () => {
    const parsed = doc("<p>가</p><p></p><ul><li><p>나</p></li></ul><blockquote><p>다</p></blockquote><h2>라</h2>");
    expect(paragraphPositions(parsed).map((p) => p.node.textContent)).toEqual(["가", "나", "다", "라"]);
  });
});

describe("a finding drawn in the text", () => {
  it("underlines exactly the characters the server named in that paragraph", () => {
    const parsed = doc("<p>첫 문단</p><p>연락처 <strong>010</strong>-1234-5678 입니다</p>");
    const set = piiDecorations(parsed, [{ paragraph: 1, start: 4, end: 17, note: "1" }]);
    const found = set.find();
    const inline = found.find((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class === "pii-span");
    expect(inline && parsed.textBetween(inline.from, inline.to)).toBe("010-1234-5678");
    const node = found.find((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class === "pii-paragraph");
    expect(node && parsed.nodeAt(node.from)?.textContent).toBe("연락처 010-1234-5678 입니다");
  });

  it("draws nothing for a paragraph the text no longer has", () => {
    expect(piiDecorations(doc("<p>가</p>"), [{ paragraph: 3, start: 0, end: 1, note: "1" }]).find()).toEqual([]);
  });
});

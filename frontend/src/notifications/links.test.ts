import { notificationTarget, readableBody } from "./links";

describe("where a notification leads", () => {
  it("opens the document it is about", () => {
    expect(notificationTarget({ document: 12, body: "" })).toEqual({ kind: "document", id: "12" });
  });
  it("reads the server's SITE_URL/app/documents link when the document field is empty", () => {
    const body = "결재할 문서가 있습니다: 예산 집행\nhttps://dojang.seoul.go.kr/app/documents/41\n";
    expect(notificationTarget({ document: null, body })).toEqual({ kind: "document", id: "41" });
  });
  it("leads nowhere for a link the app has no screen for", () => {
    const body = "정보공개청구가 접수되었습니다.\nhttp://127.0.0.1:8000/app/disclosure/requests/3";
    expect(notificationTarget({ document: null, body })).toBeNull();
  });
  it("drops the app link from the text (the title opens it) and keeps other words", () => {
    const body = "결재할 문서가 있습니다: 예산\n전달한 사람: 김민수\n\nhttp://127.0.0.1:8000/app/documents/41\n";
    expect(readableBody(body)).toBe("결재할 문서가 있습니다: 예산\n전달한 사람: 김민수");
    expect(readableBody("see http://example.org/x")).toBe("see http://example.org/x");
  });
});

import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps a path inside the app", () => {
    expect(safeNext("/boxes/to_act?page=2")).toBe("/boxes/to_act?page=2");
    expect(safeNext("/app/documents/12")).toBe("/documents/12");
  });
  it("refuses another origin and loops back to sign-in", () => {
    expect(safeNext("https://evil.example/")).toBe("/");
    expect(safeNext("//evil.example/")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext("/sign-in?next=/")).toBe("/");
    expect(safeNext(undefined)).toBe("/");
  });
});

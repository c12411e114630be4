import { act, renderHook } from "@testing-library/react";
import { item } from "@/boxes/test-fixtures";
import { readFavourites, recentKinds, useFavourites } from "./forms";

afterEach(() => window.localStorage.clear());

describe("favourite forms", () => {
  it("are kept per person in this browser, in the forms' own order", () => {
    const { result } = renderHook(() => useFavourites("11"));
    act(() => result.current.toggle("personnel"));
    act(() => result.current.toggle("memo"));
    expect(result.current.favourites).toEqual(["memo", "personnel"]);
    expect(readFavourites("11")).toEqual(["memo", "personnel"]);
    expect(readFavourites("12")).toEqual([]);
    act(() => result.current.toggle("memo"));
    expect(readFavourites("11")).toEqual(["personnel"]);
  });
  it("ignore what is not a form", () => {
    window.localStorage.setItem("dojang.favouriteForms.11", JSON.stringify(["budget", "letter"]));
    expect(readFavourites("11")).toEqual(["budget"]);
    window.localStorage.setItem("dojang.favouriteForms.11", "{broken");
    expect(readFavourites("11")).toEqual([]);
  });
});

describe("recent forms", () => {
  it("are the kinds of my latest documents, newest first, each once", () => {
    const older = item(1, { document: { kind: "memo", updated_at: "2026-11-01T00:00:00Z" } });
    const newest = item(2, { document: { kind: "budget", updated_at: "2026-12-01T00:00:00Z" } });
    const middle = item(3, { document: { kind: "memo", updated_at: "2026-11-20T00:00:00Z" } });
    expect(recentKinds([older, newest, middle])).toEqual(["budget", "memo"]);
    expect(recentKinds([])).toEqual([]);
  });
});

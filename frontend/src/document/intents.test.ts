import { IntentKeys } from "./intents";

describe("one key per intention", () => {
  it("reuses the key for the same words, makes a new one for other words or after success", () => {
    const keys = new IntentKeys();
    const first = keys.keyFor("approve:11", { comment: "" });
    expect(keys.keyFor("approve:11", { comment: "" })).toBe(first);
    const changed = keys.keyFor("approve:11", { comment: "확인" });
    expect(changed).not.toBe(first);
    expect(keys.keyFor("hold:11", { reason: "x" })).not.toBe(changed);
    keys.done("approve:11");
    expect(keys.keyFor("approve:11", { comment: "확인" })).not.toBe(changed);
  });
});

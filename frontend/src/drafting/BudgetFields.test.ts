import { koreanAmount } from "./BudgetFields";

describe("amounts read in Korean units", () => {
  it("groups by 만, 억 and 조 and skips empty groups", () => {
    expect(koreanAmount(1_234_567_890)).toBe("12억 3,456만 7,890원");
    expect(koreanAmount(3_000_000)).toBe("300만원");
    expect(koreanAmount(100_000_000)).toBe("1억원");
    expect(koreanAmount(2_0000_0000_0005)).toBe("2조 5원");
    expect(koreanAmount(0)).toBe("0원");
  });
});

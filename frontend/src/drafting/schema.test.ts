import { draftSchema, emptyDraft, parseAmount, savablePayload, valuesFromDocument, type DraftValues } from "./schema";

const now = new Date("2026-12-31T16:00:00Z"); // 1 January 2027 in Seoul

// A memo whose drafter has chosen open, unless a test says otherwise.
function memo(overrides: Partial<DraftValues> = {}): DraftValues {
  return { ...emptyDraft(now), title: "정보공개 운영 계획", body: "<p>본문</p>", proposed_disclosure_level: "open", ...overrides };
}

function budget(fields: Partial<DraftValues["budget"]> = {}): DraftValues {
  const values = memo();
  return { ...values, budget: { ...values.budget, budget_line: "4", amount: "1,200,000", payee: "도장상사", purpose: "유지보수", ...fields } };
}

describe("a new draft's defaults", () => {
  it("starts in the Seoul fiscal year, retained five years, with no disclosure level chosen", () => {
    const values = emptyDraft(now);
    expect(values.budget.fiscal_year).toBe("2027");
    expect(values.retention_period).toBe("5y");
    expect(values.proposed_disclosure_level).toBe("");
    expect(values.proposed_disclosure_grounds).toEqual([]);
  });
});

describe("what an autosave sends", () => {
  it("waits for a title before creating a draft", () => {
    expect(savablePayload("memo", memo({ title: "  " }), true)).toEqual({ payload: null, waitingFor: "title" });
  });

  it("waits for the whole budget block before creating a budget request", () => {
    expect(savablePayload("budget", budget({ payee: "" }), true).waitingFor).toBe("budget");
  });

  it("leaves an unfinished block out of an update and sends the rest", () => {
    const { payload } = savablePayload("budget", budget({ amount: "" }), false);
    expect(payload?.budget).toBeUndefined();
    expect(payload?.title).toBe("정보공개 운영 계획");
  });

  it("sends the amount typed with separators as a number", () => {
    const { payload } = savablePayload("budget", budget(), true);
    expect(payload?.budget).toEqual({ fiscal_year: 2027, budget_line: 4, amount: 1200000, payee: "도장상사", purpose: "유지보수" });
  });

  it("clears the grounds of an open document (the server refuses grounds on open)", () => {
    const { payload } = savablePayload("memo", memo({ proposed_disclosure_grounds: [6] }), false);
    expect(payload?.proposed_disclosure_level).toBe("open");
    expect(payload?.proposed_disclosure_grounds).toEqual([]);
  });

  it("saves a draft whose level is not chosen yet, sending the blank and no grounds", () => {
    const { payload } = savablePayload("memo", memo({ proposed_disclosure_level: "", proposed_disclosure_grounds: [6] }), false);
    expect(payload).toMatchObject({ title: "정보공개 운영 계획", proposed_disclosure_level: "", proposed_disclosure_grounds: [] });
    expect(savablePayload("memo", memo({ proposed_disclosure_level: "" }), true).payload).not.toBeNull();
  });

  it("holds back partial disclosure until a ground is chosen, then sends both sorted", () => {
    const none = savablePayload("memo", memo({ proposed_disclosure_level: "partial" }), false).payload;
    expect(none).not.toHaveProperty("proposed_disclosure_level");
    const some = savablePayload("memo", memo({ proposed_disclosure_level: "partial", proposed_disclosure_grounds: [6, 1] }), false).payload;
    expect(some).toMatchObject({ proposed_disclosure_level: "partial", proposed_disclosure_grounds: [1, 6] });
  });

  it("sends no target of a leave of absence even if one was chosen before the type changed", () => {
    const values = memo();
    values.personnel = { person: "21", action_type: "leave", effective_date: "2027-01-02", target_unit: "5", target_position: "2" };
    const { payload } = savablePayload("personnel", values, true);
    expect(payload?.personnel).toEqual({ person: 21, action_type: "leave", effective_date: "2027-01-02", target_unit: null, target_position: null });
  });
});

describe("the form's rules before the approval line", () => {
  it("requires a level to be chosen, and says so on the radio group alone", () => {
    const result = draftSchema("memo").safeParse(memo({ proposed_disclosure_level: "" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["proposed_disclosure_level", "validation.chooseLevel"],
    ]);
    for (const level of ["open", "partial", "closed"] as const) {
      const grounds = level === "open" ? [] : [5];
      expect(draftSchema("memo").safeParse(memo({ proposed_disclosure_level: level, proposed_disclosure_grounds: grounds })).success).toBe(true);
    }
  });

  it("requires a ground for partial or closed disclosure", () => {
    const result = draftSchema("memo").safeParse(memo({ proposed_disclosure_level: "closed" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain("proposed_disclosure_grounds");
  });

  it("asks an appointment for its unit and position, and a leave for neither", () => {
    const values = memo();
    values.personnel = { person: "21", action_type: "appointment", effective_date: "2027-01-02", target_unit: "", target_position: "" };
    const paths = draftSchema("personnel").safeParse(values).error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["personnel.target_unit", "personnel.target_position"]));
    values.personnel.action_type = "leave";
    expect(draftSchema("personnel").safeParse(values).success).toBe(true);
  });

  it("refuses a title on two lines and a missing budget line", () => {
    const paths = draftSchema("budget").safeParse(budget({ budget_line: "" })).error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(["budget.budget_line"]);
    expect(draftSchema("memo").safeParse(memo({ title: "첫 줄\n둘째 줄" })).success).toBe(false);
  });
});

describe("amounts", () => {
  it("reads digits with commas, spaces or 원, and nothing else", () => {
    expect(parseAmount("1,200,000원")).toBe(1200000);
    expect(parseAmount("12 000")).toBe(12000);
    expect(parseAmount("1.5")).toBeNaN();
    expect(parseAmount("")).toBeNaN();
  });
});

describe("an opened draft", () => {
  it("fills the form from the server's detail", () => {
    const values = valuesFromDocument({
      id: 3, kind: "budget", title: "품의", body: "<p>가</p>", recipient: "", retention_period: "10y",
      proposed_disclosure_level: "partial", proposed_disclosure_grounds: [6],
      budget: { fiscal_year: 2027, budget_line: 4, budget_line_code: "B-1", amount: 5000, payee: "갑", purpose: "을", committed_at: null },
      personnel: null,
    } as never);
    expect(values.budget).toEqual({ fiscal_year: "2027", budget_line: "4", amount: "5000", payee: "갑", purpose: "을" });
    expect(values.proposed_disclosure_grounds).toEqual([6]);
    expect(values.retention_period).toBe("10y");
  });

  it("keeps a level the server holds as not chosen (blank), rather than taking open for it", () => {
    const values = valuesFromDocument({
      id: 4, kind: "memo", title: "새 기안", body: "", recipient: "", retention_period: "5y",
      proposed_disclosure_level: "", proposed_disclosure_grounds: [], budget: null, personnel: null,
    } as never);
    expect(values.proposed_disclosure_level).toBe("");
  });
});

import { fieldOf, mapServerErrors } from "./errors";

describe("the server's field paths", () => {
  it("land on the field they name, dotted for the kind's fields", () => {
    expect(fieldOf("budget.amount")).toBe("budget.amount");
    expect(fieldOf("personnel.target_unit")).toBe("personnel.target_unit");
  });

  it("land on the nearest field for an item of a list", () => {
    expect(fieldOf("proposed_disclosure_grounds.0")).toBe("proposed_disclosure_grounds");
  });

  it("name no field for the document's state or a whole block", () => {
    expect(fieldOf("status")).toBeNull();
    expect(fieldOf("budget")).toBeNull();
    expect(fieldOf("non_field_errors")).toBeNull();
  });
});

describe("an error answer", () => {
  it("keeps the server's words per field, in order, and the rest for the form", () => {
    const mapped = mapServerErrors({
      type: "validation_error",
      detail: "Invalid input.",
      errors: [
        { field: "budget.amount", code: "min_value", message: "1 이상이어야 합니다." },
        { field: "budget.amount", code: "invalid", message: "정수를 입력하세요." },
        { field: "status", code: "invalid", message: "기안이나 반려된 문서만 고칠 수 있습니다." },
      ],
    });
    expect(mapped.fields.get("budget.amount")).toEqual(["1 이상이어야 합니다.", "정수를 입력하세요."]);
    expect(mapped.form).toEqual(["기안이나 반려된 문서만 고칠 수 있습니다."]);
  });

  it("shows the detail when no field is named", () => {
    expect(mapServerErrors({ type: "permission_denied", detail: "기안자만 고칠 수 있습니다.", errors: [] }).form).toEqual([
      "기안자만 고칠 수 있습니다.",
    ]);
  });

  it("maps nothing from a body that is not the API's error shape", () => {
    const mapped = mapServerErrors("<html>Bad gateway</html>");
    expect(mapped.fields.size).toBe(0);
    expect(mapped.form).toEqual([]);
  });
});

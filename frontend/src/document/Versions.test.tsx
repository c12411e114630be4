import { render, screen } from "@testing-library/react";
import { Redline } from "./Versions";

describe("the redline between two versions", () => {
  it("strikes out what was deleted and underlines what was inserted, each named in words", () => {
    render(
      <Redline
        diff={{
          old: 1, new: 2, changes: [{ field: "title", old: "보고", new: "결과 보고" }],
          body: [{ op: "equal", text: "세부 내용: " }, { op: "delete", text: "붙임" }, { op: "insert", text: "별첨" }],
        }}
      />,
    );
    expect(screen.getByText("붙임").closest("del")).toHaveTextContent("삭제: 붙임");
    expect(screen.getByText("별첨").closest("ins")).toHaveTextContent("추가: 별첨");
    expect(screen.getByRole("rowheader", { name: "제목" })).toBeInTheDocument();
  });
  it("says so when two versions hold the same", () => {
    render(<Redline diff={{ old: 1, new: 2, changes: [], body: [{ op: "equal", text: "본문" }] }} />);
    expect(screen.getByText("두 판의 내용이 같습니다.")).toBeInTheDocument();
    expect(screen.queryByText("본문")).not.toBeInTheDocument();
  });
});

import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { LineSteps } from "./LineSteps";
import { type Line, type LineErrors, lineFromOutput, mapLineErrors, moveStage, NO_ERRORS } from "./lineState";

const people = {
  leader: { id: 2, name: "김상훈", position: "팀장", unit: "예산총괄팀" },
  head: { id: 3, name: "강영희", position: "과장", unit: "예산담당관" },
  director: { id: 4, name: "박현우", position: "국장", unit: "기획조정실" },
};

function start(): Line {
  return lineFromOutput({
    stages: [
      { kind: "review", assignee_ids: [2], assignees: [people.leader] },
      { kind: "review", assignee_ids: [3], assignees: [people.head] },
      { kind: "approve", assignee_ids: [4], assignees: [people.director] },
    ],
    references: [],
  });
}

function Harness({ initial, errors = NO_ERRORS }: { initial: Line; errors?: LineErrors }) {
  const [line, setLine] = useState(initial);
  const [focusRequest, setFocusRequest] = useState<{ key: string; target: "item" | "up" | "down"; seq: number } | null>(null);
  return (
    <LineSteps
      line={line}
      errors={errors}
      focusRequest={focusRequest}
      onMove={(stage, delta) => {
        setLine((current) => moveStage(current, stage.key, delta));
        setFocusRequest({ key: stage.key, target: "item", seq: Math.random() });
      }}
      onRemove={() => undefined}
      onRemoveReference={() => undefined}
    />
  );
}

const order = () =>
  within(screen.getByRole("list", { name: "결재 단계" }))
    .getAllByRole("listitem", { name: /단계/ })
    .map((item) => item.getAttribute("aria-label"));

describe("LineSteps", () => {
  it("moves a focused stage with Alt+↓ and Alt+↑, keeping the focus on it", async () => {
    render(<Harness initial={start()} />);
    const first = screen.getByRole("listitem", { name: /1단계 검토: 김상훈/ });
    act(() => first.focus());
    await userEvent.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(order()).toEqual([
      "1단계 검토: 강영희 (3단계 중)",
      "2단계 검토: 김상훈 (3단계 중)",
      "3단계 결재: 박현우 (3단계 중)",
    ]);
    expect(document.activeElement).toHaveAccessibleName("2단계 검토: 김상훈 (3단계 중)");
    await userEvent.keyboard("{Alt>}{ArrowUp}{/Alt}");
    expect(order()[0]).toBe("1단계 검토: 김상훈 (3단계 중)");
    // A plain arrow is the reader's, not a move.
    await userEvent.keyboard("{ArrowDown}");
    expect(order()[0]).toBe("1단계 검토: 김상훈 (3단계 중)");
  });

  it("moves with the buttons, which are off at either end", async () => {
    render(<Harness initial={start()} />);
    expect(screen.getByRole("button", { name: "검토 김상훈 위로 옮기기" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "결재 박현우 아래로 옮기기" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "결재 박현우 위로 옮기기" }));
    expect(order()[1]).toBe("2단계 결재: 박현우 (3단계 중)");
  });

  it("shows the server's words on the step they name, tied to its controls", () => {
    const line = start();
    const message = "박현우(국장, 기획조정실)는 더 이상 재직하지 않습니다.";
    const errors = mapLineErrors(line, [{ field: "line.stages.2.assignee_ids.0", message }]);
    render(<Harness initial={line} errors={errors} />);
    const step = screen.getByRole("listitem", { name: /3단계 결재/ });
    expect(within(step).getByText(message)).toBeInTheDocument();
    expect(within(step).getByRole("button", { name: /박현우.*빼기/ })).toHaveAccessibleDescription(message);
    expect(within(screen.getByRole("listitem", { name: /1단계 검토/ })).queryByText(message)).toBeNull();
  });
});

import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useShortcuts } from "./useShortcuts";

function Probe({ onJ }: { onJ: () => void }) {
  useShortcuts({ j: onJ });
  return <input aria-label="search" />;
}

describe("useShortcuts", () => {
  it("fires on the key, not while typing in a field", async () => {
    const onJ = vi.fn();
    const { getByLabelText } = render(<Probe onJ={onJ} />);
    await userEvent.keyboard("j");
    expect(onJ).toHaveBeenCalledTimes(1);
    await userEvent.click(getByLabelText("search"));
    await userEvent.keyboard("j");
    expect(onJ).toHaveBeenCalledTimes(1);
  });
});

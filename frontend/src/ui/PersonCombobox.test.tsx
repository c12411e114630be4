import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { type Person, PersonCombobox } from "./PersonCombobox";

const minsu: Person = {
  id: 7,
  employee_number: "2019-0007",
  name: "김민수",
  name_en: "Kim Minsu",
  unit: { id: 3, code: "BUD", name: "예산총괄팀", kind: "team" },
  position: { id: 2, title: "주무관", title_en: "Officer", rank: 70, is_head: false },
};

function pageOf(people: Person[]) {
  return { count: people.length, next: null, previous: null, results: people };
}

let requests: URL[];

beforeEach(() => {
  requests = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: Request) => {
      requests.push(new URL(input.url));
      return new Response(JSON.stringify(pageOf([minsu])), {
        status: 200,
        headers: { "Content-Type": "application/json" },
      });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function Harness({ onChange }: { onChange: (person: Person | null) => void }) {
  const [value, setValue] = useState<Person | null>(null);
  return (
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <PersonCombobox
        label="검토자"
        value={value}
        onChange={(person) => {
          setValue(person);
          onChange(person);
        }}
      />
    </QueryClientProvider>
  );
}

const pause = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

/** What a Hangul IME sends while 김 is typed: start, ㄱ → 기 → 김 as updates, then the end. */
function composeKim(input: HTMLElement) {
  act(() => input.focus());
  fireEvent.compositionStart(input, { data: "" });
  for (const partial of ["ㄱ", "기", "김"]) {
    fireEvent.compositionUpdate(input, { data: partial });
    fireEvent.change(input, { target: { value: partial } });
  }
}

describe("PersonCombobox with a Hangul IME", () => {
  it("searches once the composition ends, with the composed word, not on each jamo", async () => {
    render(<Harness onChange={vi.fn()} />);
    const input = screen.getByRole("combobox", { name: "검토자" });
    composeKim(input);
    await pause(400);
    expect(requests).toHaveLength(0);
    expect(input).toHaveValue("김");

    fireEvent.compositionEnd(input, { data: "김" });
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.pathname).toBe("/api/people/");
    expect(requests[0]?.searchParams.get("q")).toBe("김");
    expect(await screen.findByRole("option", { name: /김민수/ })).toHaveTextContent("주무관 · 예산총괄팀");
  });

  it("an Enter pressed while composing chooses nothing; a plain Enter chooses the option", async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByRole("combobox", { name: "검토자" });
    composeKim(input);
    fireEvent.compositionEnd(input, { data: "김" });
    await screen.findByRole("option", { name: /김민수/ });
    fireEvent.keyDown(input, { key: "ArrowDown" });
    await waitFor(() => expect(input).toHaveAttribute("aria-activedescendant"));

    // The next syllable is being composed and Enter ends it: the IME's key, not a choice.
    fireEvent.compositionStart(input, { data: "" });
    fireEvent.keyDown(input, { key: "Enter", isComposing: true, keyCode: 229 });
    // Safari sends the composing Enter after compositionend, with keyCode 229 only.
    fireEvent.compositionEnd(input, { data: "김" });
    fireEvent.keyDown(input, { key: "Enter", keyCode: 229 });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole("listbox")).toBeInTheDocument();

    fireEvent.keyDown(input, { key: "Enter", keyCode: 13 });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ id: 7, name: "김민수" }));
    await waitFor(() => expect(input).toHaveValue("김민수"));
  });

  it("searches as typed when no IME is composing (rlaalstn, pasted text)", async () => {
    render(<Harness onChange={vi.fn()} />);
    const input = screen.getByRole("combobox", { name: "검토자" });
    act(() => input.focus());
    fireEvent.change(input, { target: { value: "rlaalstn" } });
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.searchParams.get("q")).toBe("rlaalstn");
  });

  it("closes the list once a person is chosen", async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByRole("combobox", { name: "검토자" });
    act(() => input.focus());
    fireEvent.change(input, { target: { value: "김민" } });
    fireEvent.click(await screen.findByRole("option", { name: /김민수/ }));
    await waitFor(() => expect(input).toHaveValue("김민수"));
    await pause(400); // the debounced search for the chosen name has answered
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

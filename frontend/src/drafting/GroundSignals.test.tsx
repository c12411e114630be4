import { render, screen, within } from "@testing-library/react";
import i18n from "@/i18n";
import { GroundSignals } from "./GroundSignals";
import type { GroundSignal } from "./usePiiScan";

const tender: GroundSignal = {
  ground: 5,
  level: "closed",
  reason: "contract prices before the tender or award",
  lapse_event: "tender_announced",
  citation: "정보공개법 제9조제1항제5호",
};

afterEach(async () => {
  await i18n.changeLanguage("ko");
});

describe("the signals list", () => {
  it("keeps an empty live region while there is no signal, so the first one is announced", () => {
    const { container } = render(<GroundSignals signals={[]} level="" />);
    const region = container.firstElementChild;
    expect(region).toHaveAttribute("aria-live", "polite");
    expect(region).toBeEmptyDOMElement();
  });

  it("names each ground, its level and when it is reviewed, in the reader's language", async () => {
    await i18n.changeLanguage("en");
    render(<GroundSignals signals={[tender]} level="closed" />);
    const list = screen.getByRole("region", { name: "This document shows signs of grounds for withholding" });
    const [item] = within(list).getAllByRole("listitem");
    expect(item).toHaveTextContent("No. 5 Audits, inspections, negotiations or decision making in progress Suggests closed");
    expect(item).toHaveTextContent("Review for release once the tender is announced");
    expect(item).toHaveTextContent("Source: 정보공개법 제9조제1항제5호");
    expect(list).toHaveTextContent("never published automatically: a records officer decides");
    expect(list).not.toHaveTextContent("You chose open.");
  });

  it("warns, without refusing, when the drafter proposes open against a signal", () => {
    render(<GroundSignals signals={[tender]} level="open" />);
    expect(screen.getByText("공개를 골랐습니다.").closest("p")).toHaveTextContent("그대로 상신할 수 있습니다.");
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

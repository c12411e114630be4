"""Benchmark of the official PDF: render, sign, throughput and memory of one process.

Measures, with keys made in a temporary directory:
- the median time to render (our pipeline: template, QR code, limits,
  metadata, embedded history) and to sign a 1-page and a 5-page document;
- WeasyPrint's own render of the same HTML, for comparison (goal: render +
  sign of 1 page within 1.3x of it);
- documents per second one process finalizes (render + sign), and its RSS
  at the start and end of `--count` documents (it should stay flat).

Usage: python benchmarks/signing_bench.py [--count N] [--repeat N] [--record FILE]
With --record, the section of FILE under HEADING (docs/performance.md) is
replaced by the results; other sections are kept.
"""

import argparse
import gc
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "backend"))
HEADING = "## Official PDF: rendering and signing (benchmarks/signing_bench.py)"


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """Median CPU time of `action`: stable on a shared machine, where wall time is not.

    Rendering and signing are single-threaded and CPU-bound, so CPU time is
    what a dedicated worker would spend on the wall.
    """
    action()  # warm caches (fonts, stylesheet, key) like a long-running worker
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)


def rss_mib() -> float:
    """The current resident set size (not the peak), from /proc."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def paragraphs_for(pages: int) -> int:
    from signing.rendering import render_official_pdf
    from signing.samples import sample_official_document

    for paragraphs in range(1, 80):
        document = sample_official_document("memo", paragraphs=paragraphs)
        if render_official_pdf(document).pages >= pages:
            return paragraphs
    raise RuntimeError(f"no sample reaches {pages} pages")


def measure_size(pages: int, repeat: int) -> dict[str, float]:
    from weasyprint import HTML

    from signing.fetcher import template_dir
    from signing.rendering import STYLESHEET, render_official_html, render_official_pdf
    from signing.samples import sample_official_document
    from signing.services import official_pdf_issue, official_pdf_sign

    paragraphs = 1 if pages == 1 else paragraphs_for(pages)
    document = sample_official_document("memo", paragraphs=paragraphs)
    html = render_official_html(document)
    css = str(template_dir() / STYLESHEET)
    base = template_dir().as_uri() + "/"
    unsigned = render_official_pdf(document)
    return {
        "pages": unsigned.pages,
        "weasyprint": median_seconds(
            lambda: HTML(string=html, base_url=base).write_pdf(stylesheets=[css]), repeat
        ),
        "render": median_seconds(lambda: render_official_pdf(document), repeat),
        "sign": median_seconds(
            lambda: official_pdf_sign(pdf=unsigned.pdf, document=document), repeat
        ),
        "issue": median_seconds(lambda: official_pdf_issue(document=document), repeat),
    }


def measure_throughput(count: int) -> dict[str, float]:
    from signing.samples import sample_official_document
    from signing.services import official_pdf_issue

    document = sample_official_document("memo")
    official_pdf_issue(document=document)
    gc.collect()
    start_rss = rss_mib()
    start, start_cpu = time.perf_counter(), time.process_time()
    for index in range(count):
        official_pdf_issue(document=document)
        if index % 100 == 99:
            gc.collect()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    gc.collect()
    return {
        "count": count,
        "per_second": count / elapsed,
        "per_cpu_second": count / cpu,
        "start_rss": start_rss,
        "end_rss": rss_mib(),
    }


def report(sizes: list[dict[str, float]], throughput: dict[str, float]) -> str:
    lines = [
        HEADING,
        "",
        f"`python benchmarks/signing_bench.py` on {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}, load average "
        f"{os.getloadavg()[0]:.1f}. Medians of CPU time in one process.",
        "",
        "| document | WeasyPrint alone | our render | sign | render + sign | ratio to WeasyPrint |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for size in sizes:
        lines.append(
            f"| {size['pages']:.0f} page(s) | {size['weasyprint'] * 1000:.0f} ms "
            f"| {size['render'] * 1000:.0f} ms | {size['sign'] * 1000:.0f} ms "
            f"| {size['issue'] * 1000:.0f} ms | {size['issue'] / size['weasyprint']:.2f}x |"
        )
    lines += [
        "",
        f"Throughput (render + sign, {throughput['count']:.0f} one-page documents): "
        f"{throughput['per_second']:.2f} per wall-clock second, "
        f"{throughput['per_cpu_second']:.2f} per CPU second.",
        f"RSS: {throughput['start_rss']:.0f} MiB at the start, "
        f"{throughput['end_rss']:.0f} MiB after {throughput['count']:.0f} documents.",
        "",
    ]
    return "\n".join(lines)


def record(path: Path, section: str) -> None:
    """Replace our section of `path` (from HEADING to the next "## "), keep the rest."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n\n"
    if HEADING in text:
        before, _, after = text.partition(HEADING)
        rest = after.split("\n## ", 1)
        tail = "\n## " + rest[1] if len(rest) > 1 else ""
        text = before + section + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="documents for throughput and RSS")
    parser.add_argument("--repeat", type=int, default=9, help="runs per median")
    parser.add_argument("--record", type=Path, help="update this Markdown file's section")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    keys = tempfile.TemporaryDirectory(prefix="dojang-bench-keys-")
    os.environ["SIGNING_DIR"] = keys.name
    import django

    django.setup()
    from signing.keys import ensure_signing_keys

    ensure_signing_keys()
    sizes = [measure_size(1, args.repeat), measure_size(5, args.repeat)]
    section = report(sizes, measure_throughput(args.count))
    print(section)
    if args.record:
        record(args.record, section)
    keys.cleanup()


if __name__ == "__main__":
    main()

"""Portal search benchmark: latency of the Korean full-text search over 100,000 documents.

    python benchmarks/portal_search_bench.py [--documents 100000] [--runs 40] [--record]

1. Recreates the PostgreSQL database `dojang_bench` on 127.0.0.1 (user postgres) or
   BENCH_DATABASE_URL, migrates it, and bulk-loads synthetic published documents:
   Korean sentences drawn from an administrative vocabulary with a Zipf-like
   frequency, each noun followed by a particle (점검을, 점검은 ...).
2. The index morphemes are generated from the vocabulary while generating the text
   (the words chosen are the morphemes), not by running Kiwi over every document:
   Kiwi analyses a few hundred documents a second on this machine, so the whole load
   would take minutes. A sample is analysed with Kiwi to report that rate and to
   check that Kiwi finds the same words. The tsvector is then written by one UPDATE
   with the same expression the PostgreSQL backend uses.
3. Searches through `portal.search.publication_search` (what the search page calls:
   count, first page, snippets) for rare terms, common terms, two-word queries and a
   common term with a unit filter; reports median and p95 per class, and the same
   for the database part alone (without snippets). Goal: p95 under 50 ms.

With --record the result replaces this benchmark's section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "backend"), str(ROOT)]
HEADING = "## Portal search (benchmarks/portal_search_bench.py)"
SECTION = re.compile(r"^## Portal search \(benchmarks.*?(?=^## |\Z)", re.M | re.S)
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_URL = "postgres://postgres@127.0.0.1:5432/{name}"

# Nouns of city administration, most frequent first (the order sets the Zipf rank).
NOUNS = (  # noqa: SIM905 - one readable block of words
    "계획 결과 사업 추진 점검 예산 집행 보고 시행 안전 관리 지원 운영 개선 협조 요청 회의 "
    "교육 시설 공사 도로 교통 환경 주민 복지 문화 행사 홍보 정비 조사 용역 계약 구매 "
    "물품 인력 채용 평가 위원회 자료 제출 검토 승인 변경 연장 설치 보수 유지 청소 폐기물 "
    "하천 공원 녹지 주차 보행 자전거 버스 지하철 택시 상수도 하수도 전기 가스 난방 에너지 "
    "건축 주택 재개발 재건축 도시 재생 경관 조경 산림 농업 축산 어업 시장 상가 관광 "
    "축제 체육 도서관 박물관 미술관 공연 청소년 어린이 노인 장애인 여성 가족 보육 급식 "
    "보건 의료 감염병 방역 예방 접종 응급 소방 재난 대응 훈련 지진 홍수 폭염 한파 "
    "미세먼지 대기 수질 소음 악취 토양 기후 탄소 재활용 일자리 창업 기업 투자 세금 "
    "세입 세출 결산 감사 민원 정보 공개 통계 전산 시스템 보안 개인정보 홈페이지 "
    "스마트 데이터 인공지능 드론 로봇 자율주행 전기차 수소 태양광 풍력 지열 "
    "배수로 맨홀 가로등 신호등 횡단보도 지하도 터널 교량 제방"
).split()
PARTICLES = ("을", "를", "은", "는", "이", "가", "의", "에", "에서", "으로", "과", "와", "도", "")
ENDINGS = ("실시하였다.", "추진한다.", "보고합니다.", "요청합니다.", "완료하였다.", "검토하였다.")
COMMON = ["계획", "사업", "점검", "예산", "안전"]
RARE = ["싱크홀", "옹벽", "저류지", "석축", "육교"]
# Each rare word goes into about this share of the documents (one in 500).
RARE_SHARE = 0.002


def database_url(name: str) -> tuple[str, str]:
    """(url, description) of the benchmark database, dropped and created afresh."""
    import psycopg

    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise SystemExit(f"not a plain database name: {name!r}")
    with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
        version = conn.execute("SHOW server_version").fetchone()
    number = str(version[0]).split()[0] if version else "?"
    return PG_BENCH_URL.format(name=name), f"PostgreSQL {number} ({name})"


def setup_django(url: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DEBUG="false",
        LOG_LEVEL="WARNING",
        DATABASE_URL=url,
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


class Corpus:
    """Synthetic documents: surface text with particles, and their index morphemes.

    Body nouns follow a Zipf law (weight 1/rank^1.2) over NOUNS, so the first few
    appear in nearly every document; each RARE word goes into about one document in
    RARE_SHARE. The morphemes of a word are Kiwi's analysis of the word, computed once
    per word (싱크홀 is indexed as 싱크 홀, as Kiwi would index it in a document).
    """

    def __init__(self, seed: int = 7) -> None:
        from portal.analysis import morpheme_string

        self.random = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
        self.weights = [1.0 / (rank + 1) ** 1.2 for rank in range(len(NOUNS))]
        self.morphemes = {word: morpheme_string(word) for word in [*NOUNS, *RARE, "보고"]}

    def words(self, count: int) -> list[str]:
        return self.random.choices(NOUNS, weights=self.weights, k=count)

    def sentence(self, words: list[str]) -> str:
        parts = [word + self.random.choice(PARTICLES) for word in words]
        return " ".join(parts) + " " + self.random.choice(ENDINGS)

    def document(self, body_words: int) -> tuple[str, str, str, str]:
        """(title, public text, title morphemes, body morphemes)."""
        title_words = [*self.random.choices(NOUNS, weights=self.weights, k=4), "보고"]
        body: list[str] = []
        sentences: list[str] = []
        rare = [word for word in RARE if self.random.random() < RARE_SHARE]
        while len(body) < body_words:
            chunk = self.words(self.random.randint(4, 9))
            if rare:
                chunk[self.random.randrange(len(chunk))] = rare.pop()
            body.extend(chunk)
            sentences.append(self.sentence(chunk))
        return (
            " ".join(title_words),
            " ".join(sentences),
            " ".join(self.morphemes[w] for w in title_words),
            " ".join(self.morphemes[w] for w in body),
        )


def load(documents: int, body_words: int, batch: int = 5000) -> dict[str, Any]:
    """Bulk-load ``documents`` published documents and their index rows."""
    from django.contrib.auth.models import User
    from django.db import connection

    from directory.models import Person, Unit
    from documents.models import Document, DocumentVersion
    from portal.models import Publication, PublicationSearchIndex

    started = time.perf_counter()
    units = [
        Unit.objects.create(code=f"B{n:03d}", name=f"{NOUNS[n]}과", kind="division")
        for n in range(40)
    ]
    user = User.objects.create(username="bench")
    person = Person.objects.create(user=user, employee_number="B0", name="벤치", unit=units[0])
    corpus = Corpus()
    now = datetime.now(UTC)
    for first in range(0, documents, batch):
        size = min(batch, documents - first)
        made = [corpus.document(body_words) for _ in range(size)]
        days = [now - timedelta(days=corpus.random.randint(0, 1500)) for _ in range(size)]
        docs = Document.objects.bulk_create(
            Document(
                kind="memo",
                status="approved",
                title=made[i][0],
                body="",
                drafter=person,
                unit=units[(first + i) % len(units)],
                number=f"B-{first + i}",
                number_year=2026,
                number_sequence=first + i + 1,
                approved_at=days[i],
            )
            for i in range(size)
        )
        versions = DocumentVersion.objects.bulk_create(
            DocumentVersion(
                document=doc,
                number=1,
                reason="submitted",
                content={},
                content_hash=f"{doc.pk:064x}",
                created_by=person,
            )
            for doc in docs
        )
        publications = Publication.objects.bulk_create(
            Publication(
                document=doc,
                version=version,
                number=doc.number or "",
                title=made[i][0],
                kind="memo",
                unit=doc.unit,
                unit_name=doc.unit.name,
                approved_at=days[i],
                level="open",
                public_text=made[i][1],
                published_at=days[i] + timedelta(days=3),
            )
            for i, (doc, version) in enumerate(zip(docs, versions, strict=True))
        )
        PublicationSearchIndex.objects.bulk_create(
            PublicationSearchIndex(
                publication=publication, title_morphemes=made[i][2], body_morphemes=made[i][3]
            )
            for i, publication in enumerate(publications)
        )
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    write_vectors()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return {"load_seconds": loaded, "vector_seconds": time.perf_counter() - started}


def write_vectors() -> None:
    """All tsvectors in one UPDATE, with the expression portal.search.fulltext uses."""
    from django.contrib.postgres.search import SearchVector

    from portal.models import PublicationSearchIndex

    PublicationSearchIndex.objects.update(
        search_vector=SearchVector("title_morphemes", config="simple", weight="A")
        + SearchVector("body_morphemes", config="simple", weight="B")
    )


def kiwi_rate(samples: int, body_words: int) -> dict[str, Any]:
    """Kiwi's analysis rate on generated documents, and whether it finds the words."""
    from portal.analysis import morpheme_string, query_terms

    query_terms("점검")  # load the model outside the timing
    corpus = Corpus(seed=11)
    made = [corpus.document(body_words) for _ in range(samples)]
    started = time.perf_counter()
    analysed = [morpheme_string(text) for _, text, _, _ in made]
    elapsed = time.perf_counter() - started
    expected = found_words = 0
    for (*_, body), found in zip(made, analysed, strict=True):
        words = set(body.split())
        expected += len(words)
        found_words += len(words & set(found.split()))
    return {"per_second": samples / elapsed, "recall": found_words / expected, "samples": samples}


def timed(fn: Any, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def measure(runs: int) -> dict[str, dict[str, Any]]:
    from django.db.models import F

    from portal.models import Publication
    from portal.public import SEARCH_FIELDS
    from portal.search import SearchFilters, Sort, publication_search
    from portal.search.fulltext import matching
    from portal.selectors import public_listing

    unit_id = Publication.objects.values_list("unit_id", flat=True).first()
    newest, best = Sort.NEWEST, Sort.RELEVANCE
    every, unit = SearchFilters(), SearchFilters(unit_id=unit_id)
    pairs = zip(COMMON, RARE, strict=True)
    classes = {
        "rare term": [(t, every, newest) for t in RARE],
        "common term": [(t, every, newest) for t in COMMON],
        "two words (common + rare)": [(f"{c}을 {r}", every, newest) for c, r in pairs],
        "common term + unit filter": [(t, unit, newest) for t in COMMON],
        "rare term, best match first": [(t, every, best) for t in RARE],
        "common term, best match first": [(t, every, best) for t in COMMON],
    }

    def database_only(query: str, filters: SearchFilters, sort: Sort) -> None:
        from portal.analysis import query_terms
        from portal.search.query import CappedPaginator

        queryset = public_listing().only(*SEARCH_FIELDS)
        if filters.unit_id:
            queryset = queryset.filter(unit_id=filters.unit_id)
        ranked = sort is Sort.RELEVANCE
        queryset = matching(queryset, query_terms(query), ranked=ranked)
        if ranked:
            queryset = queryset.order_by(F("rank").desc(), "-published_at", "-id")
        list(CappedPaginator(queryset, 20).page(1).object_list)

    results: dict[str, dict[str, Any]] = {}
    for name, queries in classes.items():
        full: list[float] = []
        db: list[float] = []
        totals = []
        for query, filters, sort in queries:

            def search(q: str = query, f: SearchFilters = filters, s: Sort = sort) -> Any:
                return publication_search(query=q, filters=f, sort=s)

            search()  # warm the caches once
            full += timed(search, runs)
            db += timed(lambda q=query, f=filters, s=sort: database_only(q, f, s), runs)
            totals.append(search().total)
        results[name] = {"full": full, "db": db, "matches": (min(totals), max(totals))}
    return results


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def report(
    args: argparse.Namespace,
    database: str,
    loading: dict[str, Any],
    kiwi: dict[str, Any],
    results: dict[str, dict[str, Any]],
) -> str:
    from portal.search.query import COUNT_CAP

    load = os.getloadavg()[0]
    lines = [
        HEADING,
        "",
        f"`python benchmarks/portal_search_bench.py` on {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {database}, {datetime.now(UTC):%Y-%m-%d}, load average "
        f"{load:.1f}. {args.documents:,} published documents of about {args.body_words} "
        f"words; {args.runs} runs of each query, {len(COMMON)} queries a class. "
        "`search` is `publication_search` as the page calls it (query analysis, count "
        f"capped at {COUNT_CAP:,}, first page of 20, snippets); `database` is the count and "
        "page queries alone. Newest first unless said. Goal: p95 under 50 ms.",
        "",
        "| query class | matching documents | search median | search p95 "
        "| database median | database p95 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, data in results.items():
        low, high = (f"{n:,}" if n <= COUNT_CAP else f"{COUNT_CAP:,}+" for n in data["matches"])
        lines.append(
            f"| {name} | {low} to {high} | {statistics.median(data['full']):.1f} ms | "
            f"{p95(data['full']):.1f} ms | {statistics.median(data['db']):.1f} ms | "
            f"{p95(data['db']):.1f} ms |"
        )
    lines += [
        "",
        f"Loading: {loading['load_seconds']:.0f} s for the rows (bulk inserts), "
        f"{loading['vector_seconds']:.0f} s for the tsvectors and VACUUM ANALYZE. The "
        "morphemes were generated from the vocabulary, not by Kiwi: Kiwi analysed "
        f"{kiwi['per_second']:.0f} generated documents a second here, and found "
        f"{kiwi['recall']:.1%} of the distinct indexed morphemes of {kiwi['samples']} "
        "sampled documents when analysing their full text.",
        "",
    ]
    return "\n".join(lines)


def record(text: str) -> None:
    path = ROOT / "docs" / "performance.md"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    if SECTION.search(current):
        updated = SECTION.sub(lambda _: text.rstrip("\n") + "\n\n", current)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    path.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--body-words", type=int, default=120)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--database", default="dojang_bench", help="recreated each run")
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    url, database = database_url(args.database)
    print(f"database: {database}", flush=True)
    setup_django(url)
    loading = load(args.documents, args.body_words)
    print(
        f"loaded in {loading['load_seconds']:.0f} s + {loading['vector_seconds']:.0f} s", flush=True
    )
    kiwi = kiwi_rate(50, args.body_words)
    results = measure(args.runs)
    text = report(args, database, loading, kiwi, results)
    print(text)
    if args.record:
        record(text)


if __name__ == "__main__":
    main()

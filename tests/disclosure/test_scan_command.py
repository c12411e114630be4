"""The scan_disclosure command: JSON out, offsets in characters of the input."""

import io
import json
import os
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

TEXT = "신청인 홍길동(900101-1234567)의 연락처는 010-1234-5678입니다."


def run(*args: str, stdin: io.StringIO | None = None) -> list[dict[str, Any]]:
    out = io.StringIO()
    call_command("scan_disclosure", *args, stdout=out, stdin=stdin)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.django_db
def test_a_file_gives_level_grounds_and_character_offsets(tmp_path):
    # GIVEN a UTF-8 file of Korean text (three bytes a syllable) with CRLF line ends
    path = tmp_path / "memo.txt"
    path.write_bytes(("첫 줄\r\n" + TEXT).encode("utf-8"))
    # WHEN it is scanned
    [result] = run(str(path), "--name", "홍길동")
    # THEN offsets count characters, the \r included
    text = "첫 줄\r\n" + TEXT
    found = [(f["kind"], text[f["start"] : f["end"]]) for f in result["findings"]]
    assert found == [
        ("person_name", "홍길동"),
        ("rrn", "900101-1234567"),
        ("phone", "010-1234-5678"),
    ]
    assert result["level"] == "partial"
    assert result["grounds"] == [6]
    assert all(0 < f["confidence"] <= 1 for f in result["findings"])


@pytest.mark.django_db
def test_standard_input_and_no_findings_is_open():
    [result] = run("-", stdin=io.StringIO("2024년 시민 참여 예산 사업 계획"))
    assert result == {"level": "open", "grounds": [], "findings": []}


@pytest.mark.django_db
def test_jsonl_gives_one_result_per_line_with_its_id():
    lines = [
        {"id": 1, "text": "담당 행정지원과 02-2133-1234"},
        {"id": "b", "text": "인사발령 김철수", "kind": "personnel", "names": ["김철수"]},
        {"id": 3, "text": "감사 진행 중인 사안, 연락처 010-1111-2222"},
    ]
    stdin = io.StringIO("\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    results = run("--jsonl", "-", stdin=stdin)
    assert [r["id"] for r in results] == [1, "b", 3]
    assert results[0] == {"id": 1, "level": "open", "grounds": [], "findings": []}
    assert results[1]["findings"] == [
        {"kind": "person_name", "start": 5, "end": 8, "confidence": 0.9, "reason": "known_name"}
    ]
    assert (results[1]["level"], results[1]["grounds"]) == ("partial", [6])
    assert (results[2]["level"], results[2]["grounds"]) == ("partial", [5, 6])


@pytest.mark.django_db
def test_explain_adds_the_reasons():
    [result] = run("-", "--explain", stdin=io.StringIO("군사시설 관련, 연락처 010-1111-2222"))
    assert result["level"] == "closed"
    sources = sorted((e["source"], e["ground"]) for e in result["explanations"])
    assert sources == [("finding", 6), ("rule", 2)]


@pytest.mark.django_db
def test_bad_jsonl_names_the_line():
    with pytest.raises(CommandError, match="line 2"):
        run("--jsonl", "-", stdin=io.StringIO('{"id": 1, "text": "a"}\nnot json'))
    with pytest.raises(CommandError, match='line 1: "text"'):
        run("--jsonl", "-", stdin=io.StringIO('{"id": 1}'))


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="path: cannot read"):
        run(str(tmp_path / "absent.txt"))


@pytest.fixture
def empty_database_url():
    """A database on the test server with no tables at all, dropped afterwards."""
    import psycopg

    from tests.support.processes import database_url

    name = f"dojang_empty_{os.getpid()}"
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    yield database_url(name)
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_the_real_command_line_reads_utf8_standard_input(empty_database_url):
    # GIVEN a fresh process on a database never migrated (the shipped defaults apply)
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "DATABASE_URL": empty_database_url}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    # WHEN Korean text with a CRLF is piped in
    done = subprocess.run(
        [sys.executable, str(root / "backend" / "manage.py"), "scan_disclosure", "-"],
        input="군사시설 관련\r\n연락처 010-1234-5678".encode(),
        capture_output=True,
        env=env,
        check=True,
    )
    # THEN the offsets count the \r as a character
    result = json.loads(done.stdout)
    assert result["findings"][0]["start"] == len("군사시설 관련\r\n연락처 ")
    assert (result["level"], result["grounds"]) == ("closed", [2, 6])


@pytest.mark.django_db
def test_a_name_in_context_is_found_unless_it_is_an_officials(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("민원인 김영희의 민원에 대한 회신", encoding="utf-8")
    [found] = run(str(path))
    assert [(f["kind"], f["reason"]) for f in found["findings"]] == [
        ("person_name", "name_after_cue")
    ]
    [official] = run(str(path), "--official", "김영희")
    assert official["findings"] == []

"""People search (GET /api/people/?q=): by name, part of it, 초성, 두벌식 keys, English name.

People are loaded the way the demo and the sync load them (an LDIF through
directory_load_ldif, bulk writes), so the stored search keys are the sync's.
"""

from pathlib import Path

import pytest
from rest_framework.test import APIClient

from directory.hangul import dubeolsik, initials, jamo_pattern, person_search_keys
from directory.models import Person
from directory.services.sync import directory_load_ldif

pytestmark = pytest.mark.django_db

UNIT = """dn: ou=예산총괄팀,dc=dojang,dc=example
objectClass: top
objectClass: organizationalUnit
objectClass: extensibleObject
ou: 예산총괄팀
departmentNumber: BUDGET-T1
businessCategory: team
"""

PERSON = """
dn: uid={uid},ou=예산총괄팀,dc=dojang,dc=example
objectClass: inetOrgPerson
uid: {uid}
cn: {name}
sn: {name}
displayName: {name}
employeeNumber: {number}
title: 주무관(7급)
"""

PEOPLE = {
    "minsu.kim": "김민수",
    "minjeong.kim": "김민정",
    "minsu.go": "고민수",
    "minsu.lee": "이민수",
    "sumin.kim": "김수민",
    "gimin.lee": "이기민",
    "haeun.jeong": "정하은",
    "ssi.kim": "김씨",
}
NUMBERS = {uid: str(1000 + index) for index, uid in enumerate(PEOPLE)}


def _load(tmp_path: Path, people: dict[str, str]) -> None:
    text = UNIT + "".join(
        PERSON.format(uid=uid, name=name, number=NUMBERS[uid]) for uid, name in people.items()
    )
    path = tmp_path / "people.ldif"
    path.write_text(text, encoding="utf-8")
    result = directory_load_ldif(path=path)
    assert result.problems == []


@pytest.fixture
def client(tmp_path: Path) -> APIClient:
    _load(tmp_path, PEOPLE)
    client = APIClient()
    client.force_authenticate(Person.objects.get(name="정하은").user)
    return client


def _names(client: APIClient, query: str) -> list[str]:
    response = client.get("/api/people/", {"q": query})
    assert response.status_code == 200
    return [person["name"] for person in response.json()["results"]]


def test_the_whole_name_comes_first_then_names_that_start_with_it(client) -> None:
    assert _names(client, "김민수") == ["김민수"]
    assert _names(client, "김민") == ["김민수", "김민정"]
    assert _names(client, "김") == ["김민수", "김민정", "김수민", "김씨"]


def test_a_later_part_of_the_name_finds_it_after_the_prefixes(client) -> None:
    assert _names(client, "민수") == ["고민수", "김민수", "이민수"]
    # 민 starts no name here; 이기민's keys hold 김's (r-l-a) across two syllables,
    # which must not make 김 find 이기민.
    assert _names(client, "민") == ["고민수", "김민수", "김민정", "김수민", "이기민", "이민수"]
    assert "이기민" not in _names(client, "김")


def test_initial_consonants_find_the_name_alone_or_mixed_with_syllables(client) -> None:
    assert _names(client, "ㄱㅁㅅ") == ["고민수", "김민수"]
    assert _names(client, "ㄱㅁ") == ["고민수", "김민수", "김민정", "이기민"]
    assert _names(client, "김ㅁ") == ["김민수", "김민정"]
    assert _names(client, "김ㅁㅅ") == ["김민수"]
    assert _names(client, "ㅁㅅ") == ["고민수", "김민수", "이민수"]


def test_the_keys_typed_with_the_korean_ime_off_find_the_name(client) -> None:
    assert _names(client, "rlaalstn") == ["김민수"]
    assert _names(client, "rlaal") == ["김민수", "김민정"]
    assert _names(client, "RLAALSTN") == ["김민수"]
    # ㅆ is shift+t; typed without shift it still finds 김씨.
    assert _names(client, "rlatl") == ["김씨"]
    assert _names(client, "alstn") == ["고민수", "김민수", "이민수"]


def test_english_names_match_in_any_case(client) -> None:
    person = Person.objects.get(name="정하은")
    person.name_en = "Jeong Haeun"
    person.save()

    assert _names(client, "jeong haeun") == ["정하은"]
    assert _names(client, "HAEUN") == ["정하은"]
    assert _names(client, "jeo") == ["정하은"]


def test_people_who_left_are_not_found_and_renames_are(tmp_path, client) -> None:
    people = {uid: name for uid, name in PEOPLE.items() if uid != "minsu.go"}
    people["minjeong.kim"] = "박민정"
    _load(tmp_path, people)

    assert _names(client, "ㄱㅁㅅ") == ["김민수"]
    assert _names(client, "qkralswjd") == ["박민정"]
    assert _names(client, "ㅂㅁ") == ["박민정"]


def test_search_filters_still_apply_and_queries_stay_few(
    client, django_assert_max_num_queries
) -> None:
    unit = Person.objects.get(name="김민수").unit_id
    with django_assert_max_num_queries(6):
        body = client.get("/api/people/", {"q": "ㄱㅁ", "unit": unit}).json()

    assert body["count"] == 4
    assert client.get("/api/people/", {"q": "ㄱㅁ", "unit": unit + 999}).json()["count"] == 0


def test_a_person_saved_one_at_a_time_gets_the_keys_too(client) -> None:
    person = Person.objects.get(name="김민수")
    person.name = "강민수"
    person.save(update_fields=["name"])

    person.refresh_from_db()
    assert (person.search_keys, person.search_initials) == ("rkdalstn", "rat")


def test_the_keys_of_every_kind_of_syllable() -> None:
    assert person_search_keys("꽃님") == {"search_keys": "rhcsla", "search_initials": "Rs"}
    assert person_search_keys("남궁 민") == {"search_keys": "skarndals", "search_initials": "sra"}
    assert dubeolsik("왜") == "dho"
    assert dubeolsik("닭") == "ekfr"
    assert initials("ㄲㅁ") == "Ra"
    assert jamo_pattern("김ㅁ") == "김[마-밓ㅁ]"

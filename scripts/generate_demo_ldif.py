#!/usr/bin/env python3
"""Generate the demo organisation of Dojang as LDIF, deterministically.

    python scripts/generate_demo_ldif.py                      # -> directory-data/demo.ldif
    python scripts/generate_demo_ldif.py --people 20000 -o var/bench.ldif

The same seed and size always give the same file byte for byte, so the committed
directory-data/demo.ldif can be checked by regenerating it. The layout (what the sync
expects by default, see docs/operations/ldap.md):

    dc=dojang,dc=example
      ou=groups                      groupOfNames role groups (member = person DNs)
      ou=시장실                       organizationalUnit, businessCategory=mayor_office
        ou=행정1부시장실              deputy_mayor_office
          ou=기획조정실               bureau
            ou=예산담당관             division (departmentNumber=BUDGET)
              ou=예산총괄팀           team
                uid=minsu.kim        inetOrgPerson

Units carry their code in departmentNumber (allowed by the auxiliary extensibleObject
class), their kind in businessCategory and their English name in description. The
budget, HR, records and IT divisions have the well-known codes BUDGET, HR, RECORDS, IT.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

import ldif  # type: ignore[import-untyped]

SUFFIX = "dc=dojang,dc=example"
MAIL_DOMAIN = "dojang.go.kr"
DEMO_PASSWORD = "dojang-demo"  # noqa: S105 - the documented demo password
ADDRESS = "도장특별시 중구 세종대로 110"

# fmt: off
# (family name, romanisation, weight in per mille) - the most common Korean family names.
FAMILY_NAMES = [
    ("김", "kim", 215), ("이", "lee", 147), ("박", "park", 84), ("최", "choi", 47),
    ("정", "jung", 43), ("강", "kang", 23), ("조", "cho", 21), ("윤", "yoon", 21),
    ("장", "jang", 20), ("임", "lim", 17), ("한", "han", 15), ("오", "oh", 15), ("서", "seo", 15),
    ("신", "shin", 14), ("권", "kwon", 14), ("황", "hwang", 14), ("안", "ahn", 13),
    ("송", "song", 13), ("류", "ryu", 12), ("전", "jeon", 11), ("홍", "hong", 11), ("고", "ko", 9),
    ("문", "moon", 9), ("양", "yang", 9), ("손", "son", 9), ("배", "bae", 8), ("백", "baek", 8),
    ("허", "heo", 6), ("유", "yu", 6), ("남", "nam", 6), ("심", "sim", 5), ("노", "noh", 5),
    ("하", "ha", 5), ("곽", "kwak", 4), ("성", "sung", 4), ("차", "cha", 4), ("주", "joo", 4),
    ("우", "woo", 4), ("구", "koo", 4), ("민", "min", 3),
]
GIVEN_NAMES = [
    ("민수", "minsu"), ("민준", "minjun"), ("서준", "seojun"), ("도윤", "doyun"), ("예준", "yejun"),
    ("시우", "siu"), ("하준", "hajun"), ("주원", "juwon"), ("지호", "jiho"), ("지후", "jihu"),
    ("준서", "junseo"), ("영수", "yeongsu"), ("영호", "yeongho"), ("정호", "jeongho"),
    ("성민", "seongmin"), ("현우", "hyeonu"), ("지훈", "jihun"), ("동현", "donghyeon"),
    ("상훈", "sanghun"), ("재현", "jaehyeon"), ("서연", "seoyeon"), ("서윤", "seoyun"),
    ("지우", "jiu"), ("서현", "seohyeon"), ("민서", "minseo"), ("하은", "haeun"), ("하윤", "hayun"),
    ("윤서", "yunseo"), ("지민", "jimin"), ("지유", "jiyu"), ("수빈", "subin"), ("지영", "jiyeong"),
    ("미경", "migyeong"), ("은정", "eunjeong"), ("현주", "hyeonju"), ("수진", "sujin"),
    ("혜진", "hyejin"), ("은영", "eunyeong"), ("정미", "jeongmi"), ("경희", "gyeonghui"),
    ("영희", "yeonghui"), ("미영", "miyeong"), ("선영", "seonyeong"), ("민지", "minji"),
    ("유진", "yujin"), ("승현", "seunghyeon"), ("준호", "junho"), ("성호", "seongho"),
    ("진우", "jinu"), ("태호", "taeho"),
]
# Staff grades of team members and how often each occurs (per cent).
STAFF_GRADES = [
    ("주무관(6급)", 22), ("주무관(7급)", 38), ("주무관(8급)", 25), ("주무관(9급)", 15),
]

# Deputy mayor's office -> bureaus -> (division, code, English name of the special ones).
DEPUTIES = [
    ("행정1부시장실", "DM1", "Office of the First Vice Mayor for Administration"),
    ("행정2부시장실", "DM2", "Office of the Second Vice Mayor for Administration"),
    ("정무부시장실", "DM3", "Office of the Vice Mayor for Political Affairs"),
]
BUREAUS: list[tuple[int, str, str, list[tuple[str, str | None, str]]]] = [
    (0, "기획조정실", "Planning and Coordination Office", [
        ("기획담당관", None, ""), ("예산담당관", "BUDGET", "Budget Division"),
        ("조직담당관", None, ""), ("정보시스템담당관", "IT", "Information Systems Division"),
    ]),
    (0, "재무국", "Finance Bureau", [
        ("재무과", None, ""), ("세제과", None, ""), ("세무과", None, ""), ("계약심사과", None, ""),
    ]),
    (0, "행정국", "Administration Bureau", [
        ("인사과", "HR", "Human Resources Division"), ("총무과", None, ""),
        ("정보공개정책과", "RECORDS", "Information Disclosure Division"), ("자치행정과", None, ""),
    ]),
    (0, "복지정책실", "Welfare Policy Office", [
        ("복지정책과", None, ""), ("노인복지과", None, ""), ("장애인복지정책과", None, ""),
        ("자활지원과", None, ""),
    ]),
    (1, "도시계획국", "Urban Planning Bureau", [
        ("도시계획과", None, ""), ("시설계획과", None, ""), ("토지관리과", None, ""),
        ("도시관리과", None, ""),
    ]),
    (1, "교통실", "Transportation Office", [
        ("교통정책과", None, ""), ("버스정책과", None, ""), ("보행정책과", None, ""),
        ("주차계획과", None, ""),
    ]),
    (1, "환경국", "Environment Bureau", [
        ("기후환경정책과", None, ""), ("대기정책과", None, ""), ("자원순환과", None, ""),
        ("녹색에너지과", None, ""),
    ]),
    (1, "시민안전실", "Citizen Safety Office", [
        ("안전총괄과", None, ""), ("재난안전정책과", None, ""), ("사회재난과", None, ""),
        ("안전지원과", None, ""),
    ]),
    (2, "문화본부", "Culture Headquarters", [
        ("문화정책과", None, ""), ("문화유산정책과", None, ""), ("관광정책과", None, ""),
        ("박물관과", None, ""),
    ]),
    (2, "경제정책실", "Economic Policy Office", [
        ("경제정책과", None, ""), ("일자리정책과", None, ""), ("소상공인정책과", None, ""),
        ("투자창업과", None, ""),
    ]),
]
# fmt: on

TEAM_SUFFIXES = ["총괄팀", "기획팀", "운영팀"]
# Role group (cn) -> English description; members are chosen in _groups().
GROUPS = {
    "records-officers": "Records officers (disclosure review)",
    "finance": "Finance",
    "hr": "Human resources",
    "managers": "Managers (dashboards)",
    "administrators": "Dojang administrators",
}


@dataclass
class Unit:
    dn: str
    name: str
    code: str
    kind: str
    name_en: str
    members: list[Person] = field(default_factory=list)


@dataclass
class Person:
    dn: str
    uid: str
    title: str


class Generator:
    """Builds the organisation with one seeded random generator, in a fixed order."""

    def __init__(self, *, seed: int, people: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - demo data, not secrets
        self.target = people
        self.units: list[Unit] = []
        self.people: list[Person] = []
        self.entries: list[tuple[str, dict[str, list[bytes]]]] = []
        self.uids: set[str] = set()
        salt = self.rng.randbytes(8)
        digest = hashlib.sha1(DEMO_PASSWORD.encode() + salt).digest()  # noqa: S324 - SSHA is SHA-1
        self.password = b"{SSHA}" + base64.b64encode(digest + salt)

    def unit(self, parent: str, name: str, code: str, kind: str, name_en: str = "") -> Unit:
        dn = f"ou={escape(name)},{parent}"
        index = len(self.units)
        attrs = {
            "objectClass": ["top", "organizationalUnit", "extensibleObject"],
            "ou": [name],
            "departmentNumber": [code],
            "businessCategory": [kind],
            "telephoneNumber": [f"02-2133-{1000 + index:04d}"],
            "street": [ADDRESS],
        }
        if name_en:
            attrs["description"] = [name_en]
        self.add(dn, attrs)
        unit = Unit(dn=dn, name=name, code=code, kind=kind, name_en=name_en)
        self.units.append(unit)
        return unit

    def person(self, unit: Unit, title: str) -> Person:
        family, family_rom = self.rng.choices(
            [(f[0], f[1]) for f in FAMILY_NAMES], weights=[f[2] for f in FAMILY_NAMES]
        )[0]
        given, given_rom = self.rng.choice(GIVEN_NAMES)
        uid = f"{given_rom}.{family_rom}"
        number = 2
        while uid in self.uids:
            uid = f"{given_rom}.{family_rom}{number}"
            number += 1
        self.uids.add(uid)
        serial = len(self.people)
        dn = f"uid={uid},{unit.dn}"
        self.add(
            dn,
            {
                "objectClass": ["top", "person", "organizationalPerson", "inetOrgPerson"],
                "uid": [uid],
                "cn": [family + given],
                "sn": [family],
                "givenName": [given],
                "displayName": [family + given],
                "mail": [f"{uid}@{MAIL_DOMAIN}"],
                "telephoneNumber": [f"02-2133-{2000 + serial % 8000:04d}"],
                "employeeNumber": [f"{1000001 + serial}"],
                "title": [title],
            },
            password=True,
        )
        person = Person(dn=dn, uid=uid, title=title)
        unit.members.append(person)
        self.people.append(person)
        return person

    def add(self, dn: str, attrs: dict[str, list[str]], *, password: bool = False) -> None:
        encoded = {key: [value.encode() for value in values] for key, values in attrs.items()}
        if password:
            encoded["userPassword"] = [self.password]
        self.entries.append((dn, encoded))

    def staff(self, unit: Unit, count: int) -> None:
        titles = [grade for grade, _ in STAFF_GRADES]
        weights = [weight for _, weight in STAFF_GRADES]
        for title in sorted(self.rng.choices(titles, weights=weights, k=count)):
            self.person(unit, title)

    def build(self) -> None:
        mayor = self.unit(SUFFIX, "시장실", "MAYOR", "mayor_office", "Office of the Mayor")
        self.person(mayor, "시장")
        self.staff(mayor, 4)
        deputies = []
        for name, code, name_en in DEPUTIES:
            office = self.unit(mayor.dn, name, code, "deputy_mayor_office", name_en)
            self.person(office, "부시장")
            self.staff(office, 2)
            deputies.append(office)
        teams: list[Unit] = []
        for b_index, (deputy, b_name, b_en, divisions) in enumerate(BUREAUS, start=1):
            bureau = self.unit(deputies[deputy].dn, b_name, f"B{b_index:02d}", "bureau", b_en)
            self.person(bureau, director_title(b_name))
            self.staff(bureau, 2)
            for d_index, (d_name, special, d_en) in enumerate(divisions, start=1):
                code = special or f"D{b_index:02d}{d_index}"
                division = self.unit(bureau.dn, d_name, code, "division", d_en)
                self.person(division, "담당관" if d_name.endswith("담당관") else "과장")
                self.staff(division, 1)
                stem = d_name.removesuffix("담당관").removesuffix("과")
                for t_index, suffix in enumerate(TEAM_SUFFIXES, start=1):
                    team = self.unit(division.dn, stem + suffix, f"{code}-T{t_index}", "team")
                    teams.append(team)
        per_team = max(1, (self.target - len(self.people)) // len(teams) - 1)
        remainder = self.target - len(self.people) - len(teams) * (per_team + 1)
        for index, team in enumerate(teams):
            self.person(team, "팀장")
            self.staff(team, per_team + (1 if index < remainder else 0))
        self.groups()

    def groups(self) -> None:
        by_code = {unit.code: unit for unit in self.units}

        def in_division(code: str) -> list[Person]:
            prefix = f"{code}-T"
            units = [by_code[code]] + [u for u in self.units if u.code.startswith(prefix)]
            return [person for unit in units for person in unit.members]

        heads = {"시장", "부시장", "실장", "국장", "본부장", "과장", "담당관"}
        members = {
            "records-officers": [p for p in in_division("RECORDS") if p.title != "팀장"][:6],
            "finance": in_division("BUDGET") + in_division("D021"),
            "hr": in_division("HR"),
            "managers": [person for person in self.people if person.title in heads],
            "administrators": [p for p in in_division("IT-T1") if p.title != "팀장"][:3],
        }
        self.add(
            f"ou=groups,{SUFFIX}", {"objectClass": ["top", "organizationalUnit"], "ou": ["groups"]}
        )
        for cn, description in GROUPS.items():
            self.add(
                f"cn={cn},ou=groups,{SUFFIX}",
                {
                    "objectClass": ["top", "groupOfNames"],
                    "cn": [cn],
                    "description": [description],
                    "member": [p.dn for p in members[cn]],
                },
            )


def director_title(bureau: str) -> str:
    for ending, title in (("실", "실장"), ("국", "국장"), ("본부", "본부장")):
        if bureau.endswith(ending):
            return title
    return "국장"


def escape(value: str) -> str:
    import ldap.dn

    return str(ldap.dn.escape_dn_chars(value))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--people", type=int, default=1500, help="how many people (default 1500)")
    parser.add_argument("--seed", type=int, default=20260301, help="random seed")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "directory-data" / "demo.ldif",
    )
    args = parser.parse_args(argv)
    generator = Generator(seed=args.seed, people=args.people)
    generator.build()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as handle:
        handle.write(
            f"# Dojang demo organisation: {len(generator.units)} units, "
            f"{len(generator.people)} people (scripts/generate_demo_ldif.py "
            f"--people {args.people} --seed {args.seed}); do not edit by hand.\n"
        )
        writer = ldif.LDIFWriter(handle, cols=1000)
        for dn, attrs in generator.entries:
            writer.unparse(dn, attrs)
    print(
        f"{args.output}: {len(generator.units)} units, {len(generator.people)} people",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

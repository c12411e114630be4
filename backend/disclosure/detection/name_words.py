"""The words of name detection: surnames, official titles, and words that follow a
cue but are no name.

The surnames are the commonest Korean ones (over 99% of people, by the 2015
census), without rare ones that are everyday syllables (시, 사, 상, 동 …): a rare
surname is missed rather than every 시간 after a cue being taken for a name.
"""

from __future__ import annotations

import re

SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구"
    "민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국은"
    "편용예경봉라"
)
COMPOUND_SURNAMES = frozenset({"남궁", "제갈", "황보", "선우", "독고", "사공", "서문", "동방"})

# Titles of officials: a name right after one is an official's, public by law.
OFFICIAL_TITLE_BEFORE = re.compile(
    r"(?:담당자?|주무관|주사보?|서기보?|사무관|서기관|기안자|검토자|결재자|협조자|작성자|"
    r"팀장|과장|국장|실장|계장|차장|부장|본부장|센터장|소장|원장|관장|단장|시장|부시장|"
    r"구청장|군수|위원장|위원|대표|이사|[가-힣]+(?:과|팀|국|실))\s?:?\s?$"
)

# How words start that follow 민원인, 신청인 ... or come before 씨, 님, 귀하 and are
# no names, though their first syllable is a surname's (주소, 연락처, 공무원 ...).
# Two-syllable words need no entry: after a cue a name has three syllables.
NOT_NAME_STARTS = (
    "주소",
    "주거",
    "주민등",
    "주민센",
    "연락",
    "이메일",
    "이용자",
    "이해관",
    "전화",
    "전자우편",
    "신분증",
    "신청",
    "신고",
    "민원",
    "정보",
    "본인",
    "명의",
    "공청회",
    "공무원",
    "공동",
    "설명회",
    "연구원",
    "조합원",
    "상담원",
    "안내",
    "관리자",
    "보호자",
    "대리인",
    "대상자",
    "유공자",
    "수급자",
    "장애인",
    "고령자",
    "고소장",
    "고객",
    "임차인",
    "임대인",
    "소유자",
    "소득",
    "거주",
    "방문",
    "참가자",
    "참석자",
    "진술",
    "진정서",
    "변호사",
    "세무사",
    "노무사",
    "법무사",
    "간호사",
    "회계사",
    "선생",
    "여러분",
    "전원",
    "모두",
    "가족",
    "지원",
    "제출",
    "서명",
    "서류",
    "차량",
    "성명",
    "이름",
    "명단",
    "현황",
    "현장",
    "명부",
    "기재",
    "기본",
    "인적",
    "유의",
    "우편",
)

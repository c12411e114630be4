"""A sync that removes someone on a pending approval line hands their step on."""

from pathlib import Path

import ldif  # type: ignore[import-untyped]
import pytest

from approvals.line import line_suggest
from approvals.models import ApprovalStep, StepStatus
from approvals.services import document_submit
from directory.models import Person, Rank
from directory.services.sync import directory_load_ldif
from documents.services import draft_create
from notifications.models import Notification
from tests.directory.conftest import DEMO_LDIF

pytestmark = pytest.mark.django_db


def _rewritten_ldif(tmp_path: Path, *, drop_dn: str, promote_dn: str, title: str) -> Path:
    """The demo LDIF without one entry and with another one's title changed."""
    parser = ldif.LDIFRecordList(DEMO_LDIF.open("rb"))
    parser.parse()
    out = tmp_path / "changed.ldif"
    with out.open("w", encoding="utf-8") as handle:
        writer = ldif.LDIFWriter(handle)
        for dn, entry in parser.all_records:
            if dn == drop_dn:
                continue
            if dn == promote_dn:
                entry = {**entry, "title": [title.encode()]}
            writer.unparse(dn, entry)
    return out


def test_a_team_leader_who_leaves_hands_the_pending_review_to_the_new_team_leader(
    tmp_path: Path,
) -> None:
    # GIVEN the demo organisation and a memo whose review is pending with a team leader
    directory_load_ldif()
    leader = Person.objects.filter(position__rank=Rank.TEAM_LEADER, active=True).first()
    assert leader is not None
    drafter, colleague = Person.objects.filter(
        unit=leader.unit, position__rank__lt=Rank.TEAM_LEADER
    )[:2]
    document = draft_create(
        drafter=drafter,
        kind="memo",
        data={
            "title": "시설 점검 계획",
            "body": "<p>점검합니다.</p>",
            "proposed_disclosure_level": "open",
        },
    )
    document_submit(
        document=document, actor=drafter, spec=line_suggest(drafter=drafter, kind="memo", facts={})
    )
    step = ApprovalStep.objects.get(stage__document=document, assignee=leader)
    assert step.status == StepStatus.PENDING

    # WHEN the directory drops the leader and names a colleague team leader
    changed = _rewritten_ldif(
        tmp_path, drop_dn=leader.ldap_dn or "", promote_dn=colleague.ldap_dn or "", title="팀장"
    )
    directory_load_ldif(path=changed)

    # THEN the leader is kept but inactive, and the open step went to the new team leader
    leader.refresh_from_db()
    assert leader.active is False
    step.refresh_from_db()
    assert step.assignee_id == colleague.pk
    assert step.status == StepStatus.PENDING
    assert step.task is not None
    assert step.task.owner_id == colleague.user_id
    assert Notification.objects.filter(recipient=drafter, kind="line_changed").exists()

"""The DisclosureRule table: shipped defaults, constraints, admin, and what classification reads."""

import pytest
from django.contrib import admin
from django.db import IntegrityError

from disclosure.classification import DEFAULT_RULES, RuleSpec, active_rules
from disclosure.models import DisclosureRule


def _comparable(rule: RuleSpec):
    return (
        rule.effect,
        rule.document_kind,
        rule.keyword,
        rule.context,
        rule.level,
        rule.ground,
        rule.lapse_event,
        rule.description_ko,
        rule.description_en,
        rule.source,
    )


@pytest.mark.django_db
def test_the_data_migration_ships_the_default_rules():
    assert [_comparable(r) for r in active_rules()] == [_comparable(r) for r in DEFAULT_RULES]


@pytest.mark.django_db
def test_inactive_rules_are_not_applied_and_rules_carry_their_id():
    rule = DisclosureRule.objects.get(keyword="대외비")
    rule.active = False
    rule.save()
    keywords = {r.keyword for r in active_rules()}
    assert "대외비" not in keywords
    assert all(r.rule_id is not None for r in active_rules())


@pytest.mark.django_db
def test_a_rule_without_any_condition_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        DisclosureRule.objects.create(
            level="partial", ground=5, description_ko="x", description_en="x"
        )


@pytest.mark.django_db
def test_a_ground_outside_1_to_8_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        DisclosureRule.objects.create(
            keyword="x", level="partial", ground=9, description_ko="x", description_en="x"
        )


@pytest.mark.django_db
def test_every_shipped_rule_cites_its_source():
    assert all(r.source.startswith("정보공개법 제9조제1항제") for r in active_rules())


@pytest.mark.django_db
def test_a_keep_open_rule_must_be_open_and_name_its_words():
    with pytest.raises(IntegrityError):
        DisclosureRule.objects.create(
            effect="keep_open", keyword="감사패", level="partial", ground=5,
            description_ko="x", description_en="x",
        )  # fmt: skip


@pytest.mark.django_db
def test_a_withholding_rule_is_never_open():
    with pytest.raises(IntegrityError):
        DisclosureRule.objects.create(
            keyword="x", level="open", ground=5, description_ko="x", description_en="x"
        )


def test_rules_are_editable_in_the_admin():
    assert admin.site.is_registered(DisclosureRule)

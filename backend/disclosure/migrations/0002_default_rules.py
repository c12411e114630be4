"""The default disclosure rules (a frozen copy of classification.rules.DEFAULT_RULES;
tests/disclosure/test_rules_migration.py keeps the two equal)."""

from django.db import migrations

DECIDING = ("의사결정 과정 또는 내부검토 과정에 있는 사항", "a matter in the course of decision making or internal review")

# (document_kind, keyword, level, ground, description_ko, description_en)
DEFAULTS = [
    ("personnel", "", "partial", 6, "인사발령은 특정 개인에 관한 정보를 담는다", "a personnel action concerns identifiable individuals"),
    ("", "감사 진행 중", "partial", 5, "감사가 진행 중인 사항", "an audit in progress"),
    ("", "검토 중", "partial", 5, *DECIDING),
    ("", "협상", "partial", 5, "협상 중인 사항", "a negotiation"),
    ("", "내부검토", "partial", 5, *DECIDING),
    ("", "국가안보", "closed", 2, "국가안전보장에 관한 사항", "national security"),
    ("", "국방", "closed", 2, "국방에 관한 사항", "national defence"),
    ("", "소송", "partial", 4, "진행 중인 재판에 관한 사항", "a trial in progress"),
    ("", "수사", "partial", 4, "수사에 관한 사항", "a criminal investigation"),
    ("", "영업비밀", "partial", 7, "법인 등의 경영상·영업상 비밀", "a trade secret"),
]


def add_defaults(apps, schema_editor):
    rule = apps.get_model("disclosure", "DisclosureRule")
    for kind, keyword, level, ground, ko, en in DEFAULTS:
        rule.objects.get_or_create(
            document_kind=kind,
            keyword=keyword,
            level=level,
            ground=ground,
            defaults={"description_ko": ko, "description_en": en},
        )


def remove_defaults(apps, schema_editor):
    rule = apps.get_model("disclosure", "DisclosureRule")
    for kind, keyword, level, ground, _ko, _en in DEFAULTS:
        rule.objects.filter(document_kind=kind, keyword=keyword, level=level, ground=ground).delete()


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]

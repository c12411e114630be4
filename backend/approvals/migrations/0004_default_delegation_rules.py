"""The default delegation rules (전결 규정) of a city government.

Memos: division head. Budgets: under 10 million KRW division head, under 100 million
bureau director, under 1 billion deputy mayor, above that the mayor. Personnel
actions by the rank of the person concerned: up to grade 6 bureau director, grade 5
deputy mayor, grade 4 and above (team leaders and heads included) the mayor.
Administrators edit them in the admin; rows are only added when the table is empty,
so edits survive a re-run. Mandatory consultations are resolved by unit code at line
time (approvals.rules), since units do not exist yet when this runs.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

DIVISION_HEAD, BUREAU_DIRECTOR, DEPUTY_MAYOR, MAYOR = 200, 300, 400, 500
GRADE_6, GRADE_5 = 40, 50

# (kind, amount_below, subject_rank_at_most, required_rank, description)
DEFAULTS = [
    ("memo", None, None, DIVISION_HEAD, "기안문: 과장 전결 (Memo: division head)"),
    ("budget", 10_000_000, None, DIVISION_HEAD, "예산 1천만원 미만: 과장 전결 (under KRW 10M: division head)"),
    ("budget", 100_000_000, None, BUREAU_DIRECTOR, "예산 1억원 미만: 국장 전결 (under KRW 100M: bureau director)"),
    ("budget", 1_000_000_000, None, DEPUTY_MAYOR, "예산 10억원 미만: 부시장 전결 (under KRW 1B: deputy mayor)"),
    ("budget", None, None, MAYOR, "예산 10억원 이상: 시장 결재 (KRW 1B and above: mayor)"),
    ("personnel", None, GRADE_6, BUREAU_DIRECTOR, "6급 이하 인사: 국장 전결 (grade 6 and below: bureau director)"),
    ("personnel", None, GRADE_5, DEPUTY_MAYOR, "5급 인사: 부시장 전결 (grade 5: deputy mayor)"),
    ("personnel", None, None, MAYOR, "4급 이상·보직자 인사: 시장 결재 (grade 4 and above, team leaders, heads: mayor)"),
]


def add_defaults(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    rule_model = apps.get_model("approvals", "DelegationRule")
    if rule_model.objects.exists():
        return
    rule_model.objects.bulk_create(
        rule_model(
            kind=kind,
            amount_below=amount,
            subject_rank_at_most=subject,
            required_rank=required,
            description=description,
        )
        for kind, amount, subject, required, description in DEFAULTS
    )


def remove_defaults(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    rule_model = apps.get_model("approvals", "DelegationRule")
    for kind, amount, subject, required, description in DEFAULTS:
        rule_model.objects.filter(
            kind=kind,
            amount_below=amount,
            subject_rank_at_most=subject,
            required_rank=required,
            description=description,
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("approvals", "0003_step_unit_and_post_approval_notice")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]

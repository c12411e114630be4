# mypy: disallow-untyped-calls=False
# (factory_boy's declarations are untyped; Factory.create() is typed and returns the model)
"""Factories for documents of every kind, their versions and budget lines.

`DocumentFactory` makes a memo draft; `BudgetDocumentFactory` and
`PersonnelDocumentFactory` add the kind's own fields. The drafting unit is the
drafter's unit unless given.
"""

import datetime
import importlib

from django.utils import timezone
from factory.declarations import (
    LazyAttribute,
    LazyFunction,
    RelatedFactory,
    SelfAttribute,
    Sequence,
    SubFactory,
)
from factory.django import DjangoModelFactory

from directory.models import UnitKind
from documents.models import (
    BudgetLine,
    BudgetRequest,
    DisclosureLevel,
    Document,
    DocumentKind,
    DocumentStatus,
    PersonnelAction,
    PersonnelActionType,
)
from tests.factories.directory import PersonFactory, UnitFactory


class DocumentFactory(DjangoModelFactory[Document]):
    """A memo draft."""

    class Meta:
        model = Document

    kind = DocumentKind.MEMO
    status = DocumentStatus.DRAFT
    title = Sequence(lambda n: f"문서 {n}")
    body = "<p>본문입니다.</p>"
    recipient = "내부결재"
    # The drafter chose: a document is submitted only with a proposed level.
    proposed_disclosure_level = DisclosureLevel.OPEN
    drafter = SubFactory(PersonFactory)
    unit = LazyAttribute(lambda o: o.drafter.unit)


class MemoDocumentFactory(DocumentFactory):
    kind = DocumentKind.MEMO


class BudgetLineFactory(DjangoModelFactory[BudgetLine]):
    class Meta:
        model = BudgetLine

    code = Sequence(lambda n: f"BL-{n:05d}")
    name = Sequence(lambda n: f"budget line {n}")
    fiscal_year = LazyFunction(lambda: timezone.localdate().year)
    unit = SubFactory(UnitFactory, kind=UnitKind.DIVISION)
    allocation = 50_000_000
    committed = 0


class BudgetDocumentFactory(DocumentFactory):
    """A budget request draft with its BudgetRequest row (`budget__amount=...`)."""

    class Meta:
        skip_postgeneration_save = True

    kind = DocumentKind.BUDGET
    budget = RelatedFactory(
        "tests.factories.documents.BudgetRequestFactory", factory_related_name="document"
    )


class BudgetRequestFactory(DjangoModelFactory[BudgetRequest]):
    class Meta:
        model = BudgetRequest

    document = SubFactory(DocumentFactory, kind=DocumentKind.BUDGET)
    budget_line = SubFactory(BudgetLineFactory, unit=SelfAttribute("..document.unit"))
    fiscal_year = SelfAttribute("budget_line.fiscal_year")
    amount = 1_000_000
    payee = "(주)도장상사"
    purpose = "사무용품 구입"


class PersonnelDocumentFactory(DocumentFactory):
    """A personnel action draft with its PersonnelAction row (`personnel__...`)."""

    class Meta:
        skip_postgeneration_save = True

    kind = DocumentKind.PERSONNEL
    personnel = RelatedFactory(
        "tests.factories.documents.PersonnelActionFactory", factory_related_name="document"
    )


class PersonnelActionFactory(DjangoModelFactory[PersonnelAction]):
    """A transfer of a new person to a new unit, effective today."""

    class Meta:
        model = PersonnelAction

    document = SubFactory(DocumentFactory, kind=DocumentKind.PERSONNEL)
    person = SubFactory(PersonFactory)
    action_type = PersonnelActionType.TRANSFER
    effective_date = LazyFunction(timezone.localdate)
    target_unit = SubFactory(UnitFactory)
    target_position = None


def tomorrow() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=1)


def default_delegation_rules() -> None:
    """Load the shipped delegation rules if the table is empty.

    Migrations load them, but a transactional test's flush empties the table for the
    tests after it; call this from a fixture of tests that depend on the defaults.
    """
    from django.apps import apps

    migration = importlib.import_module("approvals.migrations.0004_default_delegation_rules")
    migration.add_defaults(apps, None)

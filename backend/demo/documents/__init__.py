"""The demo documents of seed_demo: about 200 of every kind, in every state.

Rules:
- only through the product's services (drafting, the suggested line, submission,
  every approval action, absences), never by writing workflow rows, so the demo
  shows what the product itself would have produced;
- deterministic: one random.Random with a fixed seed, people and units taken in a
  fixed order, so the same directory always gets the same documents;
- idempotent: when the marker document (MARKER_TITLE by the demo drafter) exists,
  nothing is added; everything is written in one transaction, so the marker exists
  exactly when the whole seed does;
- when tasks run in process (no broker, the embedded default), the ones the approvals
  send (the official PDF, notification e-mails) are deferred: their work stays in its
  outbox for the worker's sweep (core.dispatch.dispatch_deferred), because running
  each in process would make `make run` wait minutes and print hundreds of demo
  e-mails; the notifications themselves are written and show in the web app;
- some approved memos and budget requests are published, open and partial, by the
  demo's records officer (demo.documents.portal), so the portal is not empty;
- skipped when the directory is not the demo organisation (a real LDAP directory).
"""

import logging
import random
from contextlib import nullcontext

from django.conf import settings
from django.db import transaction

from core.dispatch import dispatch_deferred
from demo.documents import stories
from demo.documents.cast import Cast, cast_find
from demo.documents.content import budget_lines_seed, line_of
from demo.documents.desk import Desk
from demo.documents.mix import Mix
from demo.documents.portal import publish_demo_documents
from demo.documents.showcase import showcase
from demo.seed import DemoLogin
from documents.models import Document

logger = logging.getLogger(__name__)

SEED = 20260301
ORGANISATION_DOCUMENTS = 160
MARKER_TITLE = stories.MARKER_TITLE
# Tasks whose work stays in an outbox a sweep picks up (signing.sweep_pending_renditions,
# notifications.email_sweep): deferred while seeding runs tasks in process.
DEFERRED_TASKS = ("signing.issue_official_pdf", "notifications.email")


def seed_documents(logins: list[DemoLogin]) -> list[DemoLogin]:
    """Seed the demo documents once; return the logins with the boxes each shows."""
    cast = cast_find()
    if cast is None:
        logger.info("demo documents: the directory is not the demo organisation; skipped")
        return logins
    if not Document.objects.filter(title=MARKER_TITLE, drafter=cast.drafter).exists():
        eager = settings.CELERY_TASK_ALWAYS_EAGER
        with dispatch_deferred(*DEFERRED_TASKS) if eager else nullcontext():
            made = _seed(cast)
        logger.info("demo documents: %d documents seeded", made)
    return showcase(logins, cast)


@transaction.atomic
def _seed(cast: Cast) -> int:
    desk = Desk(random.Random(SEED))  # noqa: S311 - demo data, not secrets
    lines = budget_lines_seed()
    own_line = line_of(lines, cast.drafter)
    stories.drafter_documents(desk, cast, own_line)
    stories.drafter_personnel(desk, cast)
    stories.colleague_documents(desk, cast, own_line)
    stories.director_documents(desk, cast, lines)
    stories.records_documents(desk, cast)
    stories.administrator_documents(desk, cast)
    Mix(desk, cast, lines).run(ORGANISATION_DOCUMENTS)
    stories.director_away(desk, cast, lines)  # his steps go to his deputy from now on
    # The portal of a first run shows documents: some approved ones are published.
    publish_demo_documents(officer=cast.records_officer)
    return desk.made

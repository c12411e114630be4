"""A version too long for its official PDF is refused when it is made, not after approval.

The PDF is made after the final approval and stops past SIGNING_MAX_PAGES pages
(signing.limits). A document that long would fail there, once everyone has approved
it; so every new version (submitted, resubmitted, edited by an approver) is measured
when it is made (documents.version_checks), and the drafter learns at once:

- first an upper bound, counted from the body without laying it out: every
  character as a line of its own (a narrow table cell does that), every element as
  three (margins, padding, borders), at least 25 lines a page (the form prints
  about 35), and two pages for the form around the body. Nearly every document is
  far within the limit by this bound and is not laid out at all, since a layout
  costs 0.3 to 1 s;
- only past the bound is the form laid out as it would be printed (a preview with
  the line's signers and a placeholder number, signing.snapshot_builder), stopping
  past the limit and after SIGNING_SUBMIT_RENDER_TIMEOUT_SECONDS (default 20, below
  the web server's 30 s worker timeout); a 200-page document lays out in about
  10 s. Past the limit, too slow to lay out, or a failure of the renderer is a 400
  on `body` that says what to do.
"""

import logging
import re

from django.utils.translation import gettext as _

from core.errors import InvalidInput
from documents.models import DocumentVersion
from signing import conf
from signing.errors import PageLimitError, RenderTimeoutError, SigningError
from signing.rendering import official_page_count
from signing.snapshot_builder import preview_document_for

logger = logging.getLogger(__name__)

LINES_PER_PAGE_MIN = 25
LINES_PER_ELEMENT = 3
FORM_PAGES = 2
_TAG = re.compile(r"<[a-zA-Z][^>]*>")


def pages_upper_bound(body_html: str) -> int:
    """The most pages `body_html` can take in the official form (see the module)."""
    elements = len(_TAG.findall(body_html))
    text = len(_TAG.sub("", body_html))
    lines = text + LINES_PER_ELEMENT * elements
    return FORM_PAGES + -(-lines // LINES_PER_PAGE_MIN)


def version_pages_check(version: DocumentVersion) -> None:
    """Refuse `version` (400 on `body`) if its official PDF would pass SIGNING_MAX_PAGES."""
    limit = conf.max_pages()
    if pages_upper_bound(str(version.content.get("body") or "")) <= limit:
        return
    timeout = conf.submit_render_timeout_seconds()
    try:
        official_page_count(
            preview_document_for(version=version),
            max_pages=limit,
            timeout=timeout,
            timeout_setting="SIGNING_SUBMIT_RENDER_TIMEOUT_SECONDS",
        )
    except PageLimitError as exc:
        raise InvalidInput({"body": [_too_long(limit)]}) from exc
    except RenderTimeoutError as exc:
        raise InvalidInput({"body": [_too_slow(timeout)]}) from exc
    except SigningError as exc:
        # No Korean font: the server's problem, not the drafter's; issuance reports it.
        logger.error("page check: version %s not measured: %s", version.pk, exc)
    except Exception as exc:
        # Whatever the renderer raises here, it raises after approval too (issuance).
        logger.warning("page check: version %s cannot be laid out: %s", version.pk, exc)
        raise InvalidInput({"body": [_unrenderable()]}) from exc


def _too_long(limit: int) -> str:
    return _(
        "The document would have more than %(limit)s pages; an official PDF has at most "
        "%(limit)s. Shorten it or split it into several documents."
    ) % {"limit": limit}


def _too_slow(seconds: float) -> str:
    return _(
        "The document takes longer than %(seconds)s seconds to lay out. Shorten it or "
        "split it into several documents."
    ) % {"seconds": f"{seconds:g}"}


def _unrenderable() -> str:
    return _("The document cannot be laid out as an official PDF. Simplify its text.")

"""The Atom feed of recent publications (only public ones; closed ones by metadata)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.public import SEARCH_FIELDS, PublicDocument, public_document
from portal.selectors import public_listing

FEED_ITEMS = 50
SUMMARY_LENGTH = 300

# Django's classes are generic only to the type checker (django-stubs).
if TYPE_CHECKING:
    _Feed = Feed[PublicDocument, None]
else:
    _Feed = Feed


class RecentPublicationsFeed(_Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Dojang open documents: recent publications")
    subtitle = gettext_lazy("Approved documents of the city, as published to citizens.")
    link = "/"

    def items(self) -> list[PublicDocument]:
        publications = public_listing().only(*SEARCH_FIELDS)[:FEED_ITEMS]
        return [public_document(p, with_text=True) for p in publications]

    def item_title(self, item: PublicDocument) -> str:
        return f"[{item.level_label}] {item.title}"

    def item_description(self, item: PublicDocument) -> str:
        facts = f"{item.number} · {item.unit_name} · {item.kind_label}"
        if item.grounds:
            grounds = ", ".join(str(g.number) for g in item.grounds)
            facts += " · " + _("Grounds: %(grounds)s") % {"grounds": grounds}
        text = " ".join(item.public_text.split())
        if len(text) > SUMMARY_LENGTH:
            text = text[:SUMMARY_LENGTH] + "…"
        return f"{facts}\n{text}" if text else facts

    def item_link(self, item: PublicDocument) -> str:
        return item.url

    def item_pubdate(self, item: PublicDocument) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: PublicDocument) -> datetime | None:
        return item.published_at

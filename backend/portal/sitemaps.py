"""The sitemap: the portal's pages and every public publication (never a withdrawn one)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from portal.models import Publication
from portal.selectors import public_publications

# Django's classes are generic only to the type checker (django-stubs).
if TYPE_CHECKING:
    _PublicationSitemap = Sitemap[Publication]
    _PagesSitemap = Sitemap[str]
else:
    _PublicationSitemap = _PagesSitemap = Sitemap


class PublicationSitemap(_PublicationSitemap):
    changefreq = "yearly"
    limit = 10_000

    def items(self) -> QuerySet[Publication]:
        return public_publications().only("id", "published_at").order_by("-published_at", "-id")

    def location(self, item: Publication) -> str:
        return reverse("portal:document", kwargs={"pk": item.pk})

    def lastmod(self, item: Publication) -> datetime | None:
        return item.published_at


class PagesSitemap(_PagesSitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["portal:home", "portal:transparency", "portal:open-data", "portal:verify"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"pages": PagesSitemap, "documents": PublicationSitemap}

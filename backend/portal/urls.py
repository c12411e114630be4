"""The public portal's pages (server-rendered, no login) and its open-data API."""

from django.contrib.sitemaps import views as sitemaps
from django.urls import URLPattern, URLResolver, include, path

from portal.api import views as api
from portal.feeds import RecentPublicationsFeed
from portal.sitemaps import SITEMAPS
from portal.views import pages, requests, transparency, verify

app_name = "portal"

open_data_patterns = [
    path("", transparency.open_data, name="open-data"),
    path("publications.json", api.OpenDataPublicationList.as_view(), name="open-data-publications"),
    path("publications.csv", api.publications_csv, name="open-data-publications-csv"),
    path("transparency.json", api.OpenDataTransparency.as_view(), name="open-data-transparency"),
    path("transparency.csv", api.transparency_csv, name="open-data-transparency-csv"),
]

urlpatterns: list[URLPattern | URLResolver] = [
    path("", pages.home, name="home"),
    path("search/", pages.search, name="search"),
    path("documents/<int:pk>/", pages.document, name="document"),
    path("documents/<int:pk>/pdf/", pages.document_pdf, name="document-pdf"),
    path(
        "documents/<int:pk>/attachments/<int:attachment_id>/",
        pages.attachment,
        name="attachment",
    ),
    path("verify/", verify.verify, name="verify"),
    path("requests/new/", requests.request_new, name="request-new"),
    path("requests/done/", requests.request_done, name="request-done"),
    path("requests/status/", requests.request_status, name="request-status"),
    path("transparency/", transparency.transparency, name="transparency"),
    path("open-data/", include(open_data_patterns)),
    path("feed/", RecentPublicationsFeed(), name="feed"),
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "portal:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", pages.robots_txt, name="robots"),
    path("i18n/", include("django.conf.urls.i18n")),
]

"""The URL map: health probes, the admin, the REST API and its schema, the staff app."""

from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from core.admin_login import admin_login
from core.api.views_docs import SwaggerView
from core.staff_app import staff_app
from core.views import healthz, readyz

api_patterns = [
    path("", include("core.api.urls")),
    path("", include("directory.api.urls")),
    path("", include("documents.api.urls")),
    path("", include("approvals.api.urls")),
    path("", include("signing.api.urls")),
    path("", include("disclosure.api.urls")),
    path("", include("audit.api.urls")),
    path("", include("notifications.api.urls")),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # Before admin.site.urls: the admin's own login view would not be throttled.
    path("admin/login/", admin_login, name="admin-login"),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("api/", include(api_patterns)),
    # The staff web app: every path under /app/ is the same page; its router takes over.
    re_path(r"^app/(?P<path>.*)$", staff_app, name="staff-app"),
    path("", include("portal.urls")),
]

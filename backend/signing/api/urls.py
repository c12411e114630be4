from django.urls import URLPattern, URLResolver, include, path

from signing.api.views import VerifyView

urlpatterns: list[URLPattern | URLResolver] = [
    path("verify/", VerifyView.as_view(), name="signature-verify"),
    # The official PDF of a document, for staff (engineer "finalize").
    path("", include("signing.api.urls_renditions")),
]

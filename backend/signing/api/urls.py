from django.urls import URLPattern, URLResolver, path

from signing.api.views import VerifyView

urlpatterns: list[URLPattern | URLResolver] = [
    path("verify/", VerifyView.as_view(), name="signature-verify"),
]

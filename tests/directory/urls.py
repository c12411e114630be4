"""The API routes the directory tests need (auth and directory), mounted as in config.urls.

Tests use this URL map so a half-finished app elsewhere in the tree cannot fail them;
the paths are the same as the real ones.
"""

from django.urls import include, path

urlpatterns = [
    path(
        "api/",
        include([path("", include("core.api.urls")), path("", include("directory.api.urls"))]),
    )
]

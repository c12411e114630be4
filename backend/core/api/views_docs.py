"""The interactive API documentation (Swagger UI over the generated schema)."""

from drf_spectacular.views import SpectacularSwaggerView
from rest_framework.renderers import BaseRenderer, JSONRenderer


class SwaggerView(SpectacularSwaggerView):
    """drf-spectacular's page, whose OPTIONS answers in JSON like the rest of the API.

    The page renders only through its HTML template, which an OPTIONS answer
    (metadata, not the page's context) cannot fill: that was a 500.
    """

    def get_renderers(self) -> list[BaseRenderer]:
        if self.request is not None and self.request.method == "OPTIONS":
            return [JSONRenderer()]
        return super().get_renderers()

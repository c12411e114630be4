from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """The approval flows; an app so viewflow can store references to them."""

    name = "workflows"
    label = "workflows"
    verbose_name = _("Workflows")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo organisation and its documents (`manage.py seed_demo`), walked through
    the services of every other app; nothing else imports it."""

    name = "demo"
    verbose_name = _("Demo")

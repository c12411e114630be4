"""The test settings with the slow renderer installed (see tests.support.slow_render)."""

from config.settings import test
from config.settings.test import *  # noqa: F403

INSTALLED_APPS = [*test.INSTALLED_APPS, "tests.support.slow_render"]

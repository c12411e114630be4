"""The Celery application; tasks are discovered in each installed app's tasks.py."""

import os
import sys
from pathlib import Path

from celery import Celery

# workflows/ sits at the repository root; the worker must import it like manage.py does.
_ROOT = str(Path(__file__).resolve().parent.parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(1, _ROOT)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("dojang")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

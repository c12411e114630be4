"""Settings for a developer's machine and the embedded first run (`make run`)."""

from django.core.management.utils import get_random_secret_key

from core.env import env_bool, env_str

from .base import *

DEBUG = env_bool("DEBUG", default=True)
# The embedded default keeps its PostgreSQL (var/postgres), media and keys here;
# a fresh clone has none.
VAR_DIR.mkdir(parents=True, exist_ok=True)
# A first run needs no secret: a random one per process is safe, sessions just reset on restart.
SECRET_KEY = env_str("SECRET_KEY", "") or get_random_secret_key()

# Serve static files from the apps directly; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tasks run in process here: a line per finished task would bury the server's own log.
LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}

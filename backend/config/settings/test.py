"""Settings for the test suite: the same code, faster hashing, no outside mail."""

from core.env import env_str

from .base import *

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "test-only-secret-key-not-for-production")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tasks run where they are sent, unless a test starts an embedded beat and sets its socket.
EMBEDDED_BEAT_SOCKET = env_str("EMBEDDED_BEAT_SOCKET", "")

# Serve static files from the apps directly; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

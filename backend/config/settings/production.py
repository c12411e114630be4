"""Production settings: secure by default, secrets without defaults.

`manage.py check --deploy --settings=config.settings.production` must report no issues.
"""

from django.core.exceptions import ImproperlyConfigured

from core.env import env_bool, env_int, env_str

from .base import *

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# No demo here unless asked for: seed_demo refuses without --allow-production or
# DEMO_SEED_ALLOWED, and demo logins have no default password.
DEMO_SEED_ALLOWED = env_bool("DEMO_SEED_ALLOWED", default=False)
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "")

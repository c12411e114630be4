from django.urls import path

from core.api.views import (
    CsrfView,
    SessionLoginView,
    SessionLogoutView,
    TokenRevokeView,
    TokenView,
)

urlpatterns = [
    path("auth/csrf/", CsrfView.as_view(), name="auth-csrf"),
    path("auth/session/", SessionLoginView.as_view(), name="auth-session-login"),
    path("auth/session/logout/", SessionLogoutView.as_view(), name="auth-session-logout"),
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("auth/token/revoke/", TokenRevokeView.as_view(), name="auth-token-revoke"),
]

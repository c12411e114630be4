"""Login through LDAP (django-auth-ldap), configured from the LDAP_* settings.

The user binds with their own password; the service account only finds their DN
(LDAP_USER_FILTER below LDAP_UNIT_BASE_DN) unless LDAP_USER_DN_TEMPLATE names it.
AUTH_LDAP_* settings, when present, still override these defaults.
"""

from typing import Any

import ldap
from django.conf import settings
from django_auth_ldap.backend import LDAPBackend
from django_auth_ldap.config import LDAPSearch

from directory.services.login import person_refresh_from_login


class DirectoryLDAPBackend(LDAPBackend):
    @property
    def default_settings(self) -> dict[str, Any]:
        attrs = settings.LDAP_PERSON_ATTRIBUTES
        values: dict[str, Any] = {
            "SERVER_URI": settings.LDAP_SERVER_URI or "",
            "BIND_DN": settings.LDAP_BIND_DN,
            "BIND_PASSWORD": settings.LDAP_BIND_PASSWORD,
            "START_TLS": settings.LDAP_START_TLS,
            "CONNECTION_OPTIONS": {ldap.OPT_NETWORK_TIMEOUT: settings.LDAP_TIMEOUT_SECONDS},
            "USER_ATTR_MAP": {
                "first_name": attrs["given_name"],
                "last_name": attrs["family_name"],
                "email": attrs["email"],
            },
            "USER_DN_TEMPLATE": settings.LDAP_USER_DN_TEMPLATE,
            "USER_SEARCH": LDAPSearch(
                settings.LDAP_UNIT_BASE_DN, ldap.SCOPE_SUBTREE, settings.LDAP_USER_FILTER
            ),
            "ALWAYS_UPDATE_USER": True,
        }
        return values

    def authenticate_ldap_user(self, ldap_user: Any, password: str) -> Any:
        """After a successful bind, create or refresh the person record."""
        user = super().authenticate_ldap_user(ldap_user, password)
        if user is not None:
            attrs = {
                name: [value.encode("utf-8") for value in values]
                for name, values in ldap_user.attrs.items()
            }
            person_refresh_from_login(user=user, dn=ldap_user.dn, attrs=attrs)
        return user

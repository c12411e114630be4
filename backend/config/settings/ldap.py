"""Directory / LDAP settings, read by base.py: the variables, their defaults and the
mapping are documented in docs/operations/ldap.md. Without LDAP_SERVER_URI (base.py)
the demo LDIF is the directory."""

from pathlib import Path

from core.env import env_bool, env_int, env_optional, env_str

_ROOT_DIR = Path(__file__).resolve().parents[3]

LDAP_BIND_DN = env_str("LDAP_BIND_DN", "")
LDAP_BIND_PASSWORD = env_str("LDAP_BIND_PASSWORD", "")
LDAP_BASE_DN = env_str("LDAP_BASE_DN", "dc=dojang,dc=example")
LDAP_UNIT_BASE_DN = env_str("LDAP_UNIT_BASE_DN", "") or LDAP_BASE_DN
LDAP_GROUP_BASE_DN = env_str("LDAP_GROUP_BASE_DN", "") or f"ou=groups,{LDAP_BASE_DN}"
LDAP_START_TLS = env_bool("LDAP_START_TLS", default=False)
LDAP_PAGE_SIZE = env_int("LDAP_PAGE_SIZE", default=500)
LDAP_TIMEOUT_SECONDS = env_int("LDAP_TIMEOUT_SECONDS", default=30)
LDAP_PERSON_OBJECT_CLASS = env_str("LDAP_PERSON_OBJECT_CLASS", "inetOrgPerson")
LDAP_UNIT_OBJECT_CLASS = env_str("LDAP_UNIT_OBJECT_CLASS", "organizationalUnit")
LDAP_GROUP_OBJECT_CLASS = env_str("LDAP_GROUP_OBJECT_CLASS", "groupOfNames")
# Directory field -> LDAP attribute; each can be overridden by LDAP_ATTR_<FIELD>.
LDAP_PERSON_ATTRIBUTES = {
    name: env_str(f"LDAP_ATTR_{name.upper()}", default)
    for name, default in {
        "username": "uid",
        "employee_number": "employeeNumber",
        "name": "displayName",
        "common_name": "cn",
        "family_name": "sn",
        "given_name": "givenName",
        "email": "mail",
        "phone": "telephoneNumber",
        "title": "title",
    }.items()
}
LDAP_UNIT_ATTRIBUTES = {
    name: env_str(f"LDAP_ATTR_UNIT_{name.upper()}", default)
    for name, default in {
        "name": "ou",
        "name_en": "description",
        "code": "departmentNumber",
        "kind": "businessCategory",
        "phone": "telephoneNumber",
        "address": "street",
    }.items()
}
LDAP_GROUP_MEMBER_ATTRIBUTE = env_str("LDAP_ATTR_GROUP_MEMBER", "member")
LDAP_GROUP_NAME_ATTRIBUTE = env_str("LDAP_ATTR_GROUP_NAME", "cn")
# "title=RANK,..." or a JSON object; RANK is a directory.models.Rank name or number.
LDAP_TITLE_RANKS = env_str(
    "LDAP_TITLE_RANKS",
    "시장=MAYOR,부시장=DEPUTY_MAYOR,실장=BUREAU_DIRECTOR,국장=BUREAU_DIRECTOR,"
    "본부장=BUREAU_DIRECTOR,담당관=DIVISION_HEAD,과장=DIVISION_HEAD,팀장=TEAM_LEADER,"
    "사무관(5급)=GRADE_5,주무관(6급)=GRADE_6,주무관(7급)=GRADE_7,주무관(8급)=GRADE_8,"
    "주무관(9급)=GRADE_9",
)
# "group name=role,..." or a JSON object; roles are directory.models.Role values.
LDAP_GROUP_ROLES = env_str(
    "LDAP_GROUP_ROLES",
    "records-officers=records_officer,finance=finance,hr=hr,managers=manager,"
    "administrators=administrator",
)
# "directory value=kind,..." for unit kinds that are not directory.models.UnitKind values.
LDAP_UNIT_KINDS = env_str("LDAP_UNIT_KINDS", "")
# Login binds as the user: by this DN template when set ("uid=%(user)s,ou=people,..."),
# otherwise by searching the unit base for LDAP_USER_FILTER.
LDAP_USER_DN_TEMPLATE = env_optional("LDAP_USER_DN_TEMPLATE")
LDAP_USER_FILTER = env_str("LDAP_USER_FILTER", "(uid=%(user)s)")
DIRECTORY_LDIF_PATH = Path(
    env_str("DIRECTORY_LDIF_PATH", str(_ROOT_DIR / "directory-data" / "demo.ldif"))
)
DIRECTORY_SYNC_INTERVAL_MINUTES = env_int("DIRECTORY_SYNC_INTERVAL_MINUTES", default=60)
DIRECTORY_SYNC_TIME_LIMIT_SECONDS = env_int("DIRECTORY_SYNC_TIME_LIMIT_SECONDS", default=1800)

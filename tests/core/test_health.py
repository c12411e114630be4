import pytest
from django.test import Client, override_settings


@pytest.mark.django_db
def test_healthz_answers_ok_without_touching_services(client: Client) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_ready_when_the_database_answers_and_nothing_else_is_configured(
    client: Client,
) -> None:
    with override_settings(CELERY_BROKER_URL=None, LDAP_SERVER_URI=None):
        response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["checks"] == {
        "database": "ok",
        "broker": "not configured",
        "ldap": "not configured",
    }


@pytest.mark.django_db
def test_readyz_names_the_unreachable_broker_with_503(client: Client) -> None:
    # GIVEN a broker URL where nothing listens (port 9 is discard, closed on loopback)
    with override_settings(
        CELERY_BROKER_URL="redis://:s3cret@127.0.0.1:9/0", HEALTH_CHECK_TIMEOUT_SECONDS=1
    ):
        response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["broker"]
    assert "s3cret" not in response.content.decode()


@pytest.mark.django_db
def test_readyz_names_the_unreachable_ldap_with_503(client: Client) -> None:
    with override_settings(LDAP_SERVER_URI="ldap://127.0.0.1:9/", HEALTH_CHECK_TIMEOUT_SECONDS=1):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["failing"] == ["ldap"]


@pytest.mark.django_db
def test_readyz_reports_ldap_ok_against_the_real_slapd(
    client: Client, ci_ldap: dict[str, str]
) -> None:
    with override_settings(
        LDAP_SERVER_URI=ci_ldap["uri"],
        LDAP_BIND_DN=ci_ldap["bind_dn"],
        LDAP_BIND_PASSWORD=ci_ldap["bind_password"],
    ):
        response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["checks"]["ldap"] == "ok"

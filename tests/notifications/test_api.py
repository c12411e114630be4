"""The notification inbox API: own notifications only, read one, read all, unread count."""

import pytest
from rest_framework.test import APIClient

from directory.models import Person
from notifications.models import Notification
from notifications.services import notification_send
from tests.factories.directory import PersonFactory, UserFactory
from tests.factories.documents import DocumentFactory

pytestmark = pytest.mark.django_db

URL = "/api/notifications/"


def client_of(person: Person) -> APIClient:
    client = APIClient()
    client.force_authenticate(person.user)
    return client


@pytest.fixture
def owner() -> Person:
    """A person with two notifications, and someone else with one."""
    person = PersonFactory.create()
    document = DocumentFactory.create(title="청사 보수")
    notification_send(recipients=[person], kind="task_assigned", document=document)
    notification_send(recipients=[person], kind="returned", document=document)
    notification_send(recipients=[PersonFactory.create()], kind="approved", document=document)
    return person


def others_notification(owner: Person) -> Notification:
    return Notification.objects.exclude(recipient=owner).get()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", URL),
        ("get", f"{URL}unread-count/"),
        ("post", f"{URL}read-all/"),
        ("post", f"{URL}1/read/"),
    ],
)
def test_anonymous_is_refused_everywhere(owner, method: str, path: str) -> None:
    response = getattr(APIClient(), method)(path)

    assert response.status_code in (401, 403)
    assert response.json()["type"] == "not_authenticated"


def test_the_owner_lists_only_their_own_newest_first(owner) -> None:
    response = client_of(owner).get(URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [row["kind"] for row in body["results"]] == ["returned", "task_assigned"]


def test_another_user_sees_none_of_them(owner) -> None:
    stranger = PersonFactory.create()

    response = client_of(stranger).get(URL)

    assert response.json()["count"] == 0


def test_a_login_without_a_person_has_an_empty_inbox(owner) -> None:
    client = APIClient()
    client.force_authenticate(UserFactory.create())

    assert client.get(URL).json()["count"] == 0
    assert client.post(f"{URL}read-all/").json() == {"marked": 0}


def test_the_unread_filter(owner) -> None:
    # GIVEN one of the owner's notifications read
    first = Notification.objects.filter(recipient=owner).earliest("id")
    client_of(owner).post(f"{URL}{first.pk}/read/")

    # WHEN the owner filters
    unread = client_of(owner).get(URL, {"unread": "true"}).json()["results"]
    read = client_of(owner).get(URL, {"unread": "false"}).json()["results"]

    # THEN each filter shows its half
    assert [row["id"] for row in read] == [first.pk]
    assert first.pk not in [row["id"] for row in unread]
    assert len(unread) == 1


def test_marking_one_read_keeps_the_first_time(owner) -> None:
    # GIVEN the owner's notification
    notification = Notification.objects.filter(recipient=owner).first()
    assert notification is not None
    client = client_of(owner)

    # WHEN it is marked read twice
    first = client.post(f"{URL}{notification.pk}/read/")
    second = client.post(f"{URL}{notification.pk}/read/")

    # THEN it is read, at the first time
    assert first.status_code == 200
    assert first.json()["read_at"] is not None
    assert second.json()["read_at"] == first.json()["read_at"]


def test_someone_elses_notification_is_not_found(owner) -> None:
    foreign = others_notification(owner)

    response = client_of(owner).post(f"{URL}{foreign.pk}/read/")

    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.read_at is None


def test_read_all_marks_only_the_owners(owner) -> None:
    response = client_of(owner).post(f"{URL}read-all/")

    assert response.json() == {"marked": 2}
    assert not Notification.objects.filter(recipient=owner, read_at__isnull=True).exists()
    assert others_notification(owner).read_at is None


def test_the_unread_count(owner) -> None:
    client = client_of(owner)

    before = client.get(f"{URL}unread-count/").json()
    client.post(f"{URL}read-all/")
    after = client.get(f"{URL}unread-count/").json()

    assert (before, after) == ({"unread": 2}, {"unread": 0})


def test_the_list_takes_a_fixed_number_of_queries(django_assert_max_num_queries) -> None:
    # GIVEN a person with a full page of notifications about many documents
    person = PersonFactory.create()
    for _ in range(25):
        notification_send(recipients=[person], kind="approved", document=DocumentFactory.create())
    client = client_of(person)

    # WHEN the page is listed THEN count and page are the only queries
    with django_assert_max_num_queries(2):
        response = client.get(URL)
    assert len(response.json()["results"]) == 25

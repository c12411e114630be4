"""What each demo login will find: its boxes and how many items each holds.

The counts are read with the box selectors the web app uses (approvals.selectors),
after seeding, so what seed_demo prints is what the login shows.
"""

from approvals.selectors import BOXES, box_counts, step_box
from demo.documents.cast import Cast
from demo.seed import DemoLogin
from directory.models import Person

LABELS = {
    "to_act": "to act",
    "upcoming": "upcoming",
    "on_hold": "on hold",
    "post_approval_due": "post-approval due",
    "drafts": "drafts",
    "in_progress": "in progress",
    "returned": "returned",
    "completed": "completed",
    "references": "references",
}
# Cast members the directory does not list as demo logins, and what they do.
EXTRA_ROLES = {"hr_head": "consultee (인사과장, personnel actions)"}


def boxes_text(person: Person) -> str:
    """ "to act 5 (2 proxy), completed 3, ...": the non-empty boxes, in the app's order."""
    counts = box_counts(person=person)
    parts = []
    for box in BOXES:
        if not counts[box]:
            continue
        text = f"{LABELS[box]} {counts[box]}"
        if box == "to_act":
            proxy = step_box(person=person, box=box).filter(is_proxy=True).count()
            text += f" ({proxy} proxy)" if proxy else ""
        parts.append(text)
    return ", ".join(parts) or "no documents"


def showcase(logins: list[DemoLogin], cast: Cast) -> list[DemoLogin]:
    """The logins with their boxes appended to the role, and the cast members the
    directory does not list (the HR head) added."""
    people = {
        person.user.username: person
        for person in Person.objects.filter(
            user__username__in=[login.username for login in logins]
        ).select_related("user")
    }
    shown = [
        DemoLogin(login.username, f"{login.role}: {boxes_text(people[login.username])}")
        if login.username in people
        else login
        for login in logins
    ]
    for role, label in EXTRA_ROLES.items():
        person = cast.by_role()[role]
        if person.user.username not in people:
            shown.append(DemoLogin(person.user.username, f"{label}: {boxes_text(person)}"))
    return shown

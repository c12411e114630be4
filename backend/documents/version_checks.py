"""What a new version must pass before it can go on its line, answered by the apps above.

A version is what gets approved and printed, but whether it fits the official PDF
(its page limit) is the signing app's to say, and signing sits above documents. So
an app above registers a check at start-up (its AppConfig.ready) and
`version_snapshot` runs every registered check on each new version (submitted,
resubmitted, edited by an approver) inside its transaction. A check refuses with a
ValidationError naming the field; the submission or edit then writes nothing and
the person who made it learns at once, not after the final approval.
"""

from collections.abc import Callable

from documents.models import DocumentVersion

VersionCheck = Callable[[DocumentVersion], None]

_checks: dict[str, VersionCheck] = {}


def version_check_register(*, name: str, check: VersionCheck) -> None:
    """Run `check` on every new version; registering a name again replaces its check."""
    _checks[name] = check


def version_checks_run(*, version: DocumentVersion) -> None:
    """Run every registered check on `version`, in the order they were registered."""
    for check in _checks.values():
        check(version)

"""Removing stored files once the database agrees they are gone."""

from collections.abc import Iterable
from functools import partial

from django.core.files.storage import default_storage
from django.db import transaction


def _delete(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def files_delete_on_commit(*, names: Iterable[str]) -> None:
    """Delete the named files from storage after the transaction commits.

    A rollback keeps the rows, so their files must stay; deleting first could leave
    a row pointing at nothing.
    """
    pending = [name for name in names if name]
    if pending:
        transaction.on_commit(partial(_delete, pending))

"""The public names of document kinds; levels and grounds come from core.disclosure_law.

The msgids are English; the Korean names are in locale/ko/LC_MESSAGES/django.po.
"""

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from core.disclosure_law import GROUND_LABELS, LEVEL_LABELS, ground_label

__all__ = ["GROUND_LABELS", "KIND_LABELS", "LEVEL_LABELS", "ground_label"]

KIND_LABELS: dict[str, Promise] = {
    "memo": pgettext_lazy("document kind", "Memo"),
    "budget": pgettext_lazy("document kind", "Budget execution request"),
    "personnel": pgettext_lazy("document kind", "Personnel action"),
}

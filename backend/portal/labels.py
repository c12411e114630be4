"""The public names of disclosure levels, document kinds and disclosure grounds.

Grounds are items 1 to 8 of Article 9(1) of the Official Information Disclosure Act
(공공기관의 정보공개에 관한 법률 제9조제1항); citizens see their short Korean names.
The msgids are English; the Korean names are in locale/ko/LC_MESSAGES/django.po.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

GROUND_LABELS: dict[int, Promise] = {
    1: _("Secret or closed under another law"),
    2: _("National security, defence, unification or foreign relations"),
    3: _("Protection of people's lives, bodies and property"),
    4: _("Trials, crime prevention, investigation and prosecution"),
    5: _("Audits, inspections, negotiations or decision making in progress"),
    6: _("Personal information"),
    7: _("Business secrets of corporations, organisations or individuals"),
    8: _("Speculation or unfair advantage to particular persons"),
}

LEVEL_LABELS: dict[str, Promise] = {
    "open": pgettext_lazy("disclosure level", "Open"),
    "partial": pgettext_lazy("disclosure level", "Partially open"),
    "closed": pgettext_lazy("disclosure level", "Closed"),
}

KIND_LABELS: dict[str, Promise] = {
    "memo": pgettext_lazy("document kind", "Memo"),
    "budget": pgettext_lazy("document kind", "Budget execution request"),
    "personnel": pgettext_lazy("document kind", "Personnel action"),
}


def ground_label(number: int) -> Promise | str:
    """The name of ground ``number``; an unknown number is shown as it is."""
    return GROUND_LABELS.get(number, str(number))

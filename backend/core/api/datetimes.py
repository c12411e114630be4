"""Bounds on dates and times that clients send.

Python accepts years 1 to 9999 and offsets up to ±23:59, PostgreSQL only offsets up
to ±15:59, and a time in Asia/Seoul before 1908 carries local mean time (+08:27:52),
which no client expects back. What a person means lies well inside: years
1900-2999 and the offsets of real time zones, -12:00 to +14:00. Django validators,
so form fields and serializer fields use the same ones; SaneDateTimeField checks
the offset as the client sent it, before DRF turns it into local time.
"""

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

FIRST_YEAR = 1900
LAST_YEAR = 2999
SMALLEST_OFFSET = timedelta(hours=-12)
LARGEST_OFFSET = timedelta(hours=14)


def validate_sane_year(value: date) -> None:
    """A date or datetime between FIRST_YEAR and LAST_YEAR."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            _("Give a date and time between the years %(first)d and %(last)d."),
            code="out_of_range",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


def validate_sane_datetime(value: datetime) -> None:
    """A datetime of a sane year whose offset, if any, is a real time zone's."""
    validate_sane_year(value)
    offset = value.utcoffset()
    if offset is not None and not SMALLEST_OFFSET <= offset <= LARGEST_OFFSET:
        raise ValidationError(
            _("The time zone offset must be between -12:00 and +14:00."), code="out_of_range"
        )


class SaneDateTimeField(serializers.DateTimeField):
    """A DateTimeField refusing what validate_sane_datetime refuses, offset as sent."""

    def enforce_timezone(self, value: datetime) -> datetime:
        validate_sane_datetime(value)
        return super().enforce_timezone(value)

"""Days as citizens mean them: local (Asia/Seoul) calendar days."""

from datetime import date, datetime, time

from django.utils import timezone


def local_day_start(day: date) -> datetime:
    """The first instant of ``day`` in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())

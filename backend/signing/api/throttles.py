from django.conf import settings

from core.api.throttles import ClientUserRateThrottle


class VerifyRateThrottle(ClientUserRateThrottle):
    """Limits verification uploads per user, or per address when anonymous."""

    scope = "signature_verify"

    def get_rate(self) -> str:
        rate: str = settings.SIGNING_VERIFY_THROTTLE_RATE
        return rate

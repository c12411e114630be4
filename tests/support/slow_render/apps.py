import os

from django.apps import AppConfig

from tests.support.slow_render import DELAY_VARIABLE, slowed


class SlowRenderConfig(AppConfig):
    name = "tests.support.slow_render"
    label = "slow_render"

    def ready(self) -> None:
        seconds = float(os.environ.get(DELAY_VARIABLE, "0"))
        if seconds > 0:
            from signing import issuance

            render = getattr(issuance, "official_pdf_issue")  # noqa: B009
            setattr(issuance, "official_pdf_issue", slowed(render, seconds))  # noqa: B010

"""The failures of the signing app, each with a message an operator can act on."""


class SigningError(Exception):
    """Base of every failure raised by the signing app."""


class FontMissingError(SigningError):
    """No Korean (CJK) font is installed, so Korean text would not render."""


class RenderLimitError(SigningError):
    """The document is longer, or took longer to lay out, than the limits allow."""


class PageLimitError(RenderLimitError):
    """The document has more pages than SIGNING_MAX_PAGES (`limit`)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"The document has more than {limit} pages (SIGNING_MAX_PAGES).")
        self.limit = limit


class RenderTimeoutError(RenderLimitError):
    """Laying the document out took longer than `seconds`."""

    def __init__(self, seconds: float, setting: str = "SIGNING_RENDER_TIMEOUT_SECONDS") -> None:
        super().__init__(f"Rendering took longer than {seconds:g} s ({setting}).")
        self.seconds = seconds


class RendererError(SigningError):
    """The renderer (WeasyPrint and the libraries under it) failed on this document.

    The message is the class of the original error only: its text may quote the
    document.
    """


class SigningKeyError(SigningError):
    """The signing key or certificate is missing, unreadable or inconsistent."""

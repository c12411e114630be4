"""The failures of the signing app, each with a message an operator can act on."""


class SigningError(Exception):
    """Base of every failure raised by the signing app."""


class FontMissingError(SigningError):
    """No Korean (CJK) font is installed, so Korean text would not render."""


class RenderLimitError(SigningError):
    """The document is longer, or took longer to lay out, than the limits allow."""


class SigningKeyError(SigningError):
    """The signing key or certificate is missing, unreadable or inconsistent."""

"""The portal's forms: search, PDF verification (upload and look-up), disclosure
request and its follow-up."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from portal.labels import KIND_LABELS
from portal.search import SearchFilters, Sort
from portal.search.query import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    """The search box and its filters; every field is optional."""

    q = forms.CharField(label=_("Search words"), required=False, max_length=MAX_QUERY_LENGTH)
    unit = forms.TypedChoiceField(label=_("Unit"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    date_from = forms.DateField(
        label=_("Approved from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Approved until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[(Sort.NEWEST.value, _("Newest first")), (Sort.RELEVANCE.value, _("Best match"))],
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, units: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every = ("", _("All"))
        self.fields["unit"].choices = [every, *units]  # type: ignore[attr-defined]
        self.fields["kind"].choices = [every, *KIND_LABELS.items()]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned

    def ordering(self) -> Sort:
        return Sort(self.cleaned_data.get("sort") or Sort.NEWEST)

    def filters(self) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            unit_id=data.get("unit"),
            kind=data.get("kind") or None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


class VerifyForm(forms.Form):
    file = forms.FileField(label=_("PDF file to verify"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.SIGNING_VERIFY_MAX_BYTES:
            limit = settings.SIGNING_VERIFY_MAX_BYTES // (1024 * 1024)
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB.") % {"limit": limit}
            )
        return upload


SHA256_HEX = re.compile(r"[0-9a-f]{64}")
# Whatever a document number may hold: a unit's name can be long.
MAX_NUMBER_LENGTH = Document._meta.get_field("number").max_length


class VerifyLookupForm(forms.Form):
    """The verification look-up (GET): a document number, with the year of approval
    if known, or the SHA-256 of a PDF file; never both.

    The hash is accepted in either case: Windows (Get-FileHash) prints it in upper
    case, sha256sum in lower case.
    """

    document = forms.CharField(
        label=_("Document number"), required=False, max_length=MAX_NUMBER_LENGTH
    )
    year = forms.IntegerField(
        label=_("Year of approval"), required=False, min_value=1900, max_value=9999
    )
    hash = forms.CharField(
        label=_("SHA-256 of the PDF file"),
        required=False,
        widget=forms.TextInput(
            attrs={"class": "mono", "spellcheck": "false", "autocomplete": "off"}
        ),
    )

    def is_empty(self) -> bool:
        """Nothing asked: the page shows its forms, not an answer."""
        return not any(str(self.data.get(name) or "").strip() for name in self.fields)

    def clean_hash(self) -> str:
        value = str(self.cleaned_data.get("hash") or "").lower()
        if value and not SHA256_HEX.fullmatch(value):
            raise forms.ValidationError(
                _("The hash parameter must be the SHA-256 of the file: 64 hexadecimal characters.")
            )
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("hash") and (cleaned.get("document") or cleaned.get("year")):
            raise forms.ValidationError(
                _("Look up either a document number or a file hash, not both.")
            )
        if cleaned.get("year") and not cleaned.get("document") and "document" not in self.errors:
            self.add_error(
                "document", _("Enter the document number too: the year only narrows it.")
            )
        return cleaned


class DisclosureRequestForm(forms.Form):
    """A citizen's request for a document or for the withheld parts of one."""

    name = forms.CharField(label=_("Name"), max_length=100)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    subject = forms.CharField(label=_("What you ask for"), max_length=300)
    reason = forms.CharField(
        label=_("Details"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    consent = forms.BooleanField(
        label=_("I agree that my name and contact details are used to answer this request."),
    )


class RequestStatusForm(forms.Form):
    receipt_number = forms.CharField(label=_("Receipt number"), max_length=40)
    email = forms.EmailField(label=_("E-mail"), max_length=254)

"""Home, search, document pages and the files citizens download."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from portal.approval_line import public_approval_line
from portal.forms import SearchForm
from portal.models import Publication
from portal.public import public_document
from portal.search import SearchFilters, publication_search
from portal.selectors import (
    public_publication,
    publication_for_page,
    recent_publications,
    released_attachments,
    units_with_publications,
)
from signing.models import RenditionStatus

HOME_RECENT = 10


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    form = SearchForm(units=units_with_publications())
    recent = [public_document(p) for p in recent_publications(limit=HOME_RECENT)]
    return render(request, "portal/home.html", {"form": form, "recent": recent})


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET, units=units_with_publications())
    if form.is_valid():
        results = publication_search(
            query=form.cleaned_data.get("q") or "",
            filters=form.filters(),
            page=form.cleaned_data.get("page") or 1,
            sort=form.ordering(),
        )
    else:
        results = publication_search(query="", filters=SearchFilters())
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "results": results, "querystring": query.urlencode()}
    return render(request, "portal/search.html", context)


@require_safe
def document(request: HttpRequest, pk: int) -> HttpResponse:
    """A published document; 410 once withdrawn, 404 if never published.

    The 410 page still names the document (its public title, number, unit and date,
    as they were published) so a citizen following an old link knows what went; its
    content is not shown.
    """
    publication = publication_for_page(pk=pk)
    if publication is None:
        raise Http404
    if publication.withdrawn_at is not None:
        context = {
            "document": public_document(publication),
            "withdrawn_at": publication.withdrawn_at,
            "withdrawal_reason": publication.withdrawal_reason,
        }
        return render(request, "portal/withdrawn.html", context, status=410)
    shown = public_document(publication, with_text=True, with_html=True)
    context = {
        "document": shown,
        "line": public_approval_line(publication),
        "pdf_pending": _pdf_pending(publication),
        "attachments": released_attachments(publication=publication),
        "request_url": f"{reverse('portal:request-new')}?document={shown.id}",
    }
    return render(request, "portal/document.html", context)


def _pdf_pending(publication: Publication) -> bool:
    rendition = publication.public_rendition
    return (
        not publication.public_pdf
        and rendition is not None
        and rendition.status
        in (
            RenditionStatus.PENDING,
            RenditionStatus.RENDERING,
        )
    )


@require_safe
def document_pdf(request: HttpRequest, pk: int) -> FileResponse:
    """The signed, redacted public PDF of an open or partial publication."""
    publication = public_publication(pk=pk)
    if publication is None or not public_document(publication).has_pdf:
        raise Http404
    name = f"{publication.number or publication.pk}.pdf"
    return FileResponse(
        publication.public_pdf.open("rb"), content_type="application/pdf", filename=name
    )


@require_safe
def attachment(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    """An attachment the records officer released with a public publication."""
    publication = public_publication(pk=pk)
    if publication is None:
        raise Http404
    chosen = next(
        (a for a in released_attachments(publication=publication) if a.pk == attachment_id),
        None,
    )
    if chosen is None:
        raise Http404
    return FileResponse(
        chosen.file.open("rb"),
        content_type=chosen.content_type or "application/octet-stream",
        as_attachment=True,
        filename=chosen.name,
    )


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("portal:sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /api/",
        "Disallow: /admin/",
        "Disallow: /requests/",
        "Disallow: /verify/",
        "Allow: /",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")

from rest_framework.pagination import CursorPagination


class AuditEventPagination(CursorPagination):
    """Cursor pages by sequence, newest first: stable while events are appended and
    free of a COUNT over the whole log."""

    ordering = "-sequence"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

"""The signing app's outboxes, as the embedded beat drains them (core.outbox).

Only rows nobody works on: a pending rendition, a pending counter-signature whose PDF
is done. A row being rendered belongs to its claim; the sweeps recover it after the
lease (signing.issuance, signing.countersign).
"""

from signing.models import Countersignature, CountersignatureStatus, Rendition, RenditionStatus

BATCH = 500


def renditions_pending() -> list[int]:
    rows = Rendition.objects.filter(status=RenditionStatus.PENDING).order_by("updated_at", "pk")
    return list(rows.values_list("pk", flat=True)[:BATCH])


def countersignatures_pending() -> list[int]:
    rows = Countersignature.objects.filter(
        status=CountersignatureStatus.PENDING, rendition__status=RenditionStatus.DONE
    ).order_by("updated_at", "pk")
    return list(rows.values_list("pk", flat=True)[:BATCH])

"""What redaction left of an approved version: the input of its public PDF.

The disclosure app builds it when a records officer publishes (it owns redaction);
the signing app keeps it on the public Rendition and renders from it, so the
public PDF is made by the same outbox, claim and sweep as the official one, and
from nothing but what may be public.

Rules:
- it holds only public text: the redacted title, recipient, body HTML and kind
  fields, the titles of the released attachments, the decided level and grounds,
  and the private persons' names to hide in the approval box (these never leave
  the server: they are not part of the hash or the PDF);
- its `content_hash` is the sha256 of its canonical JSON without those names: the
  public PDF's own content hash, safe to publish because everything it covers is.
"""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from core.disclosure_law import Level, grounds_problem


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicContent:
    title: str
    recipient: str
    body_html: str
    level: Level
    grounds: tuple[int, ...] = ()
    fields: dict[str, str] = field(default_factory=dict)
    attachments: tuple[str, ...] = ()
    private_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        problem = grounds_problem(self.level, self.grounds)
        if problem is not None:
            raise ValueError(f"public content: {problem}")
        if self.level == "closed":
            raise ValueError("public content: a closed document has no public PDF")

    def public_json(self) -> dict[str, Any]:
        """Everything the public PDF shows, as JSON (no private names)."""
        return {
            "title": self.title,
            "recipient": self.recipient,
            "body_html": self.body_html,
            "level": self.level,
            "grounds": sorted(set(self.grounds)),
            "fields": dict(sorted(self.fields.items())),
            "attachments": list(self.attachments),
        }

    @property
    def content_hash(self) -> str:
        canonical = json.dumps(
            self.public_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
        return hashlib.sha256(canonical.encode()).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {**self.public_json(), "private_names": sorted(set(self.private_names))}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "PublicContent":
        return cls(
            title=str(data["title"]),
            recipient=str(data["recipient"]),
            body_html=str(data["body_html"]),
            level=data["level"],
            grounds=tuple(int(g) for g in data.get("grounds") or ()),
            fields={str(k): str(v) for k, v in (data.get("fields") or {}).items()},
            attachments=tuple(str(a) for a in data.get("attachments") or ()),
            private_names=tuple(str(n) for n in data.get("private_names") or ()),
        )

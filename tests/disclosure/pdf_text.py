"""Everything a PDF says, for privacy checks: its visible text and every other string.

`visible_text` is what pdftotext extracts (the page content). `hidden_strings`
walks the whole object graph from the trailer (information dictionary, XMP
metadata, outlines, annotations, embedded files, form fields, signature
dictionaries) and returns every string and every decoded stream, decoded as
UTF-8 and as UTF-16 where it can be.
"""

import subprocess
from io import BytesIO
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader


def visible_text(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def _decodings(data: bytes) -> list[str]:
    texts = [data.decode("utf-8", errors="ignore")]
    for codec in ("utf-16-be", "utf-16-le"):
        texts.append(data.decode(codec, errors="ignore"))
    return texts


def hidden_strings(data: bytes) -> str:
    """Every string and decoded stream of the PDF, joined (see the module)."""
    reader = PdfFileReader(BytesIO(data), strict=False)
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    stack: list[object] = [reader.trailer_view]
    while stack:
        item = stack.pop()
        if isinstance(item, generic.IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            stack.append(item.get_object())  # type: ignore[no-untyped-call]
        elif isinstance(item, generic.StreamObject):
            found.extend(_decodings(item.data))
            stack.extend(item.values())
        elif isinstance(item, generic.DictionaryObject):
            stack.extend(item.values())
        elif isinstance(item, generic.ArrayObject):
            stack.extend(item)
        elif isinstance(item, generic.TextStringObject):
            found.append(str(item))
        elif isinstance(item, generic.ByteStringObject):
            found.extend(_decodings(bytes(item)))
    return "\n".join(found)

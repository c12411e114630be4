"""The attachment types an official document may carry, checked by name and by content.

The extension says what the file claims to be; the first bytes (and, for the
zip-based office formats, the entry that names the format) must agree. A file whose
content does not match its extension is refused, so a renamed executable or HTML
page never reaches a reader as a "PDF".
"""

import io
import zipfile
from dataclasses import dataclass
from typing import IO

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class FileType:
    content_type: str
    magic: tuple[bytes, ...] = ()
    zip_entry: str = ""  # a zip-based format: the entry only that format has
    text: bool = False


FILE_TYPES: dict[str, FileType] = {
    "pdf": FileType("application/pdf", magic=(b"%PDF-",)),
    "hwp": FileType("application/x-hwp", magic=(OLE_MAGIC, b"HWP Document File")),
    "hwpx": FileType("application/hwp+zip", magic=(ZIP_MAGIC,), zip_entry="Contents/content.hpf"),
    "docx": FileType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        magic=(ZIP_MAGIC,),
        zip_entry="word/document.xml",
    ),
    "xlsx": FileType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        magic=(ZIP_MAGIC,),
        zip_entry="xl/workbook.xml",
    ),
    "pptx": FileType(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        magic=(ZIP_MAGIC,),
        zip_entry="ppt/presentation.xml",
    ),
    "png": FileType("image/png", magic=(b"\x89PNG\r\n\x1a\n",)),
    "jpg": FileType("image/jpeg", magic=(b"\xff\xd8\xff",)),
    "jpeg": FileType("image/jpeg", magic=(b"\xff\xd8\xff",)),
    "txt": FileType("text/plain; charset=utf-8", text=True),
    "csv": FileType("text/csv; charset=utf-8", text=True),
}


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def sniff(file: IO[bytes], kind: FileType) -> bool:
    """Whether the content of `file` is of `kind` (the file is rewound afterwards)."""
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(0)
    if kind.text:
        return _is_text(head)
    if not any(head.startswith(magic) for magic in kind.magic):
        return False
    if kind.zip_entry:
        return _zip_has(file, kind.zip_entry)
    return True


def _is_text(head: bytes) -> bool:
    """Plain text: no NUL byte and valid UTF-8 (a multi-byte character may be cut)."""
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Only a character cut at the end of the sniffed block is forgiven.
        return exc.start >= len(head) - 3 and len(head) == SNIFF_BYTES
    return True


def _zip_has(file: IO[bytes], entry: str) -> bool:
    try:
        with zipfile.ZipFile(_seekable(file)) as archive:
            return entry in archive.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        file.seek(0)


def _seekable(file: IO[bytes]) -> IO[bytes]:
    return file if file.seekable() else io.BytesIO(file.read())

"""Certificate pages as small PDF objects added straight to ReportLab's document.

The canvas's own page machinery (a text object per field, a resource dictionary built and
formatted generically per page, ASCII85 on every stream) took most of a large batch. Here a
page is its content (operators built by :mod:`.render`), the names of the form XObjects it
draws and its QR code as a 1-bit image XObject; its dictionary is formatted from a few cached
byte strings. Fonts stay ReportLab's: they are referenced through the document's shared font
dictionary, so subsetting and embedding are unchanged.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObject, PDFObjectReference, xObjectName

# zlib level for the page content streams, or None. They are short (the repeated texts are in
# form XObjects, fonts and forms are compressed anyway): compressing them made a batch's file
# ~20 % smaller (10,000 pages: 13.6 instead of 16.9 MB) for ~10 % more CPU time, mostly zlib's
# set-up per stream (benchmarks/README.md). Speed is what a year-end batch needs.
COMPRESSION: int | None = None


class PageWriter:
    """Adds pages to one ReportLab document; caches the byte strings all pages share."""

    def __init__(self, doc: PDFDocument) -> None:
        self.doc = doc
        self.compression = COMPRESSION
        self._cache: dict[object, bytes] = {}

    def add(
        self, media: tuple[float, float], content: bytes, forms: tuple[str, ...], qr: tuple[int, bytes] | None
    ) -> None:
        """One page of ``media`` (width, height in points) drawing ``forms`` (by their canvas
        names) and ``content``; ``qr``: (n, rows) of an n×n 1-bit grey image (rows padded to
        whole bytes, 0 = black), the page's XObject /QR."""
        if self.compression is not None:
            stream = _Stream(zlib.compress(content, self.compression), b"/Filter /FlateDecode ")
        else:
            stream = _Stream(content, b"")
        image = None
        if qr is not None:
            n, rows = qr
            image = _Stream(rows, _IMAGE % (n, n))
        self.doc.addPage(_Page(self._cache, media, stream, forms, image))


_IMAGE = b"/Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent 1 /ColorSpace /DeviceGray "


class _Stream(PDFObject):
    __RefOnly__ = 1

    def __init__(self, data: bytes, entries: bytes) -> None:
        self.data = data
        self.entries = entries

    def format(self, document: PDFDocument) -> bytes:
        data = document.encrypt.encode(self.data)
        return b"<< %s/Length %d >>\nstream\n%s\nendstream\n" % (self.entries, len(data), data)


class _Page(PDFObject):
    __RefOnly__ = 1

    def __init__(
        self,
        cache: dict[object, bytes],
        media: tuple[float, float],
        stream: _Stream,
        forms: tuple[str, ...],
        image: _Stream | None,
    ) -> None:
        # the writer's cache, not the writer: a page must not lead back to the document
        self.cache, self.media, self.stream, self.forms, self.image = cache, media, stream, forms, image

    def format(self, document: PDFDocument) -> bytes:
        def cached(key: object, make: Callable[[], bytes]) -> bytes:
            found = self.cache.get(key)
            if found is None:
                found = self.cache[key] = make()
            return found

        def ref(name: str) -> bytes:
            return PDFObjectReference(name).format(document)

        head = cached(
            "head",
            lambda: (
                b"<< /Type /Page /Parent "
                + document.Reference(document.Pages).format(document)  # type: ignore[attr-defined]  # set in __init__; not in the stubs
                + b" /Resources << /Font "
                + ref("BasicFonts")
                + b" /ProcSet [ /PDF /Text /ImageB ] /XObject << "
            ),
        )
        forms = cached(
            ("forms", self.forms),
            lambda: b"".join(b"/%s %s " % (xObjectName(f).encode(), ref(xObjectName(f))) for f in self.forms),
        )
        image = (
            b"/QR " + document.Reference(self.image).format(document) + b" "
            if self.image is not None
            else b""
        )
        media = cached(("media", self.media), lambda: b"[ " + fp_str(0, 0, *self.media).encode() + b" ]")
        contents: bytes = document.Reference(self.stream).format(document)
        return head + forms + image + b">> >> /MediaBox " + media + b" /Contents " + contents + b" >>"

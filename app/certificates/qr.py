"""QR codes fast enough for batches of thousands.

ReportLab's encoder (``reportlab.graphics.barcode.qrencoder``) is correct but spends ~20 ms per
code (it rebuilds the Reed-Solomon generator for every block and scores all eight masks). Here
the fixed parts come from that same encoder, computed once per version: the function patterns
with the format bits of a fixed mask, and the order of the data cells. Per code only the data
bits (alphanumeric mode) and the error correction are computed. Tests compare the result with
ReportLab's own matrix for the same mask.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.barcode import qrencoder as q

ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_ALNUM = {ch: i for i, ch in enumerate(ALPHANUMERIC)}
LEVEL = q.QRErrorCorrectLevel.M  # ~15 % of the code may be damaged
MASK = 0  # any mask reads; scoring all eight is what makes the generic encoder slow

# GF(256) tables (primitive polynomial 0x11D)
_EXP = [0] * 512
_LOG = [0] * 256
_x = 1
for _i in range(255):
    _EXP[_i] = _x
    _LOG[_x] = _i
    _x <<= 1
    if _x & 0x100:
        _x ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


@lru_cache(maxsize=64)
def _ecc_table(degree: int) -> tuple[int, ...]:
    """For each leading factor, the generator times that factor, packed in one integer."""
    poly = [1]
    for i in range(degree):
        nxt = [0] * (len(poly) + 1)
        for j, c in enumerate(poly):
            nxt[j] ^= c
            if c:
                nxt[j + 1] ^= _EXP[_LOG[c] + i]
        poly = nxt
    tail = poly[1:]
    table = [0]
    for factor in range(1, 256):
        lf = _LOG[factor]
        table.append(int.from_bytes(bytes(_EXP[lf + _LOG[g]] if g else 0 for g in tail), "big"))
    return tuple(table)


def _ecc(data: list[int], degree: int) -> bytes:
    """Reed-Solomon remainder, the register kept in one integer (a few operations per byte)."""
    table = _ecc_table(degree)
    shift = 8 * (degree - 1)
    mask = (1 << (8 * degree)) - 1
    rem = 0
    for byte in data:
        rem = ((rem << 8) & mask) ^ table[byte ^ (rem >> shift)]
    return rem.to_bytes(degree, "big")


@lru_cache(maxsize=64)
def _version_info(version: int) -> tuple[tuple[tuple[int, int], ...], int, int]:
    """(RS blocks as (total, data), data capacity in bytes, char-count bits) of a version."""
    blocks = tuple((b.totalCount, b.dataCount) for b in q.QRRSBlock.getRSBlocks(version, LEVEL))
    capacity = sum(d for _, d in blocks)
    return blocks, capacity, q.QRAlphaNum("").getLengthBits(version)


@lru_cache(maxsize=64)
def _template(version: int) -> tuple[int, int, tuple[int, ...], tuple[tuple[int, ...], ...]]:
    """Everything fixed about a version, computed once.

    The matrix is one integer of n×n bits, row-major, the first module in the highest bit. Returns
    (n, the matrix with all data bits 0 and the mask applied, the interleaving order of the
    codewords, and per codeword index 32 masks: 16 for its high nibble, then 16 for its low one).
    """
    code = q.QRCode(version, LEVEL)
    blocks = _version_info(version)[0]
    total = sum(t for t, _ in blocks)
    code.dataCache = [0] * total  # skip encoding: only the patterns and the masked zeros are wanted
    code.makeImpl(False, MASK)
    n = code.moduleCount
    top = n * n - 1
    matrix = int("".join("1" if x else "0" for row in code.modules for x in row), 2)
    cells = [top - (row * n + col) for col, row in code.dataPosIterator()]
    # Stream order: each block's data, then each block's error correction; interleaved by column.
    starts_d, starts_e, d_off, e_off = [], [], 0, sum(d for _, d in blocks)
    for t, d in blocks:
        starts_d.append((d_off, d))
        starts_e.append((e_off, t - d))
        d_off, e_off = d_off + d, e_off + t - d
    order: list[int] = []
    for starts in (starts_d, starts_e):
        for i in range(max(c for _, c in starts)):
            order.extend(o + i for o, c in starts if i < c)
    masks = []
    for index in range(total):
        bits = cells[index * 8 : index * 8 + 8]
        bits += [None] * (8 - len(bits))
        table = []
        for half in (bits[:4], bits[4:]):
            for value in range(16):
                m = 0
                for k, cell in enumerate(half):
                    if cell is not None and value & (8 >> k):
                        m |= 1 << cell
                table.append(m)
        masks.append(tuple(table))
    return n, matrix, tuple(order), tuple(masks)


def _version_for(text: str) -> int:
    for version in range(1, 41):
        _, capacity, count_bits = _version_info(version)
        if 4 + count_bits + 11 * (len(text) // 2) + 6 * (len(text) % 2) <= capacity * 8:
            return version
    raise ValueError("text too long for a QR code")


def _data(text: str, version: int) -> list[int]:
    _, capacity, count_bits = _version_info(version)
    value, n = 0b0010, 4
    value, n = (value << count_bits) | len(text), n + count_bits
    for i in range(0, len(text) - 1, 2):
        value, n = (value << 11) | (_ALNUM[text[i]] * 45 + _ALNUM[text[i + 1]]), n + 11
    if len(text) % 2:
        value, n = (value << 6) | _ALNUM[text[-1]], n + 6
    term = min(4, capacity * 8 - n)
    value, n = value << term, n + term
    pad = (-n) % 8
    value, n = value << pad, n + pad
    data = list(value.to_bytes(n // 8, "big"))
    data += [(0xEC, 0x11)[i % 2] for i in range(capacity - len(data))]
    return data


def encode_int(text: str) -> tuple[int, int]:
    """(size n, the n×n modules as one integer, row-major, first module highest, 1 = dark)."""
    bad = sorted({ch for ch in text if ch not in _ALNUM})
    if bad:
        raise ValueError(f"QR alphanumeric mode cannot hold {bad!r}")
    version = _version_for(text)
    data = _data(text, version)
    blocks, _, _ = _version_info(version)
    stream = list(data)
    offset = 0
    for total, count in blocks:
        stream += _ecc(data[offset : offset + count], total - count)
        offset += count
    n, matrix, order, masks = _template(version)
    for index, j in enumerate(order):
        byte = stream[j]
        table = masks[index]
        matrix ^= table[byte >> 4] ^ table[16 + (byte & 15)]
    return n, matrix


def encode(text: str) -> list[list[bool]]:
    """The module matrix (True = dark) of ``text``."""
    n, matrix = encode_int(text)
    bits = format(matrix, f"0{n * n}b")
    return [[ch == "1" for ch in bits[r * n : (r + 1) * n]] for r in range(n)]


_INVERT = bytes(255 - i for i in range(256))


def image_rows(n: int, matrix: int) -> bytes:
    """The modules as a 1-bit grey image, rows padded to whole bytes, 0 = black (dark)."""
    pad = (-n) % 8
    width = (n + pad) // 8
    row_mask = (1 << n) - 1
    out = b"".join(
        (((matrix >> ((n - 1 - r) * n)) & row_mask) << pad).to_bytes(width, "big") for r in range(n)
    )
    return out.translate(_INVERT)

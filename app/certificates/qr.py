"""QR codes fast enough for batches of thousands.

ReportLab's encoder (``reportlab.graphics.barcode.qrencoder``) is correct but spends ~20 ms per
code (it rebuilds the Reed-Solomon generator for every block and scores all eight masks). Here
the fixed parts come from that same encoder, computed once per version: the function patterns
with the format bits of a fixed mask, and the order of the data cells. Per code only the data
codewords (alphanumeric mode) are computed, and they go straight into the 1-bit image the page
draws. The image is one big integer: per version, each data codeword position has tables of the
image bits each value of its high and low four bits sets, its own cells and the error correction
cells it changes (Reed-Solomon is linear), so a code is the fixed modules XOR two table entries
per data codeword:
no per-module Python work, no error correction computed per code, and no numpy to import (the
command starts sooner). Tests compare the result with ReportLab's own matrix for the same mask.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from collections.abc import Iterable
from functools import lru_cache
from operator import add
from types import ModuleType
from typing import Any


def _qrencoder() -> ModuleType:
    """ReportLab's ``qrencoder`` module, loaded without running its package's ``__init__``.

    Importing ``reportlab.graphics.barcode`` first registers every barcode widget, which brings in
    ReportLab's graphics shapes and platypus: about a fifth of what ``thidua certificates`` spends
    importing, for one module of tables that needs none of it. The module is registered under its
    own name, so a later ordinary import (tests, the barcode widgets) gets this same module.
    """
    name = "reportlab.graphics.barcode.qrencoder"
    if name in sys.modules:
        return sys.modules[name]
    package = importlib.util.find_spec("reportlab.graphics.barcode")  # found, not executed
    spec = (
        importlib.machinery.PathFinder.find_spec(name, package.submodule_search_locations)
        if package
        else None
    )
    if spec is None or spec.loader is None:  # an unusual installation: the ordinary import
        from reportlab.graphics.barcode import qrencoder

        return qrencoder
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


q = _qrencoder()

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


@lru_cache(maxsize=64)
def _version_info(version: int) -> tuple[tuple[tuple[int, int], ...], int, int]:
    """(RS blocks as (total, data), data capacity in bytes, char-count bits) of a version."""
    blocks = tuple((b.totalCount, b.dataCount) for b in q.QRRSBlock.getRSBlocks(version, LEVEL))
    capacity = sum(d for _, d in blocks)
    return blocks, capacity, q.QRAlphaNum("").getLengthBits(version)


@lru_cache(maxsize=512)
def _version_for(length: int) -> int:
    """The smallest version holding ``length`` alphanumeric characters."""
    for version in range(1, 41):
        _, capacity, count_bits = _version_info(version)
        if 4 + count_bits + 11 * (length // 2) + 6 * (length % 2) <= capacity * 8:
            return version
    raise ValueError("text too long for a QR code")


# Every pair of alphanumeric characters as its 11 bits, every single one as its 6.
_PAIRS = {a + b: format(_ALNUM[a] * 45 + _ALNUM[b], "011b") for a in ALPHANUMERIC for b in ALPHANUMERIC}
_SINGLE = {a: format(i, "06b") for a, i in _ALNUM.items()}


def _data(text: str, version: int) -> bytes:
    _, capacity, count_bits = _version_info(version)
    pairs = map(_PAIRS.__getitem__, map(add, text[::2], text[1::2]))  # a shorter odd tail ends the map
    bits = "0010" + format(len(text), f"0{count_bits}b") + "".join(pairs)
    if len(text) % 2:
        bits += _SINGLE[text[-1]]
    bits += "0" * min(4, capacity * 8 - len(bits))
    bits += "0" * (-len(bits) % 8)
    data = int(bits, 2).to_bytes(len(bits) // 8, "big")
    return data + (b"\xec\x11" * capacity)[: capacity - len(data)]


@lru_cache(maxsize=64)
def _image_plan(version: int) -> tuple[int, int, int, tuple[tuple[int, ...], ...]]:
    """How a version's code becomes a 1-bit image, computed once.

    The image is rows of ``n`` modules padded to whole bytes, 0 = dark (PDF /DeviceGray), read as
    one big-endian integer of ``size`` bytes. Per code only the data codewords are new, and the
    error correction is a linear function of them (Reed-Solomon over GF(256), so over GF(2) too):
    the error correction of a block is the XOR of what each of its data bytes alone gives. So
    ``tables[i]`` holds the image bits that data codeword ``i`` sets, its own cells and those of the
    error correction it causes: by the value of its high four bits, then of its low four
    (:func:`_nibble_tables`); ``fixed`` adds the function patterns, the mask and the inversion by
    one XOR. Returns (n, size, fixed, tables).
    """
    code = q.QRCode(version, LEVEL)
    blocks = _version_info(version)[0]
    total = sum(t for t, _ in blocks)
    code.dataCache = [0] * total  # only the patterns and the masked zeros are wanted
    code.makeImpl(False, MASK)
    n = code.moduleCount
    width = n + (-n) % 8
    bit_masks = _codeword_bits(code, blocks, width)
    fixed = 0
    last = n * width - 1  # image bit j is integer bit last - j
    for r in range(n):
        row = code.modules[r]
        for c in range(width):
            if c >= n or not row[c]:
                fixed |= 1 << (last - (r * width + c))
    ecc_tables = [_value_table(masks) for masks in bit_masks[sum(d for _, d in blocks) :]]
    tables: list[tuple[int, ...]] = []
    data_at = ecc_at = 0  # block's first data codeword; its first error correction codeword
    for t, d in blocks:
        for bit in range(8):  # each data byte of the block alone, as 1 << bit: its remainder
            for j, rem in enumerate(_unit_remainders(1 << bit, d, t - d)):
                ecc = rem.to_bytes(t - d, "big")
                bit_masks[data_at + j][bit] ^= _xor(ecc_tables[ecc_at + k][e] for k, e in enumerate(ecc))
        tables.extend(_nibble_tables(bit_masks[data_at + j]) for j in range(d))
        data_at, ecc_at = data_at + d, ecc_at + t - d
    return n, n * width // 8, fixed, tuple(tables)


def _codeword_bits(code: Any, blocks: tuple[tuple[int, int], ...], width: int) -> list[list[int]]:
    """For each codeword of the stream (each block's data, then each block's error correction),
    the image bits of its eight bits: ``[codeword][b]`` for the bit of value ``2**b``."""
    n = code.moduleCount
    total = sum(t for t, _ in blocks)
    cells = [row * n + col for col, row in code.dataPosIterator()]
    # Position of each interleaved codeword in the stream "block 1 data, block 2 data, …,
    # block 1 ecc, …".
    starts_d, starts_e, d_off, e_off = [], [], 0, sum(d for _, d in blocks)
    for t, d in blocks:
        starts_d.append((d_off, d))
        starts_e.append((e_off, t - d))
        d_off, e_off = d_off + d, e_off + t - d
    order: list[int] = []
    for starts in (starts_d, starts_e):
        for i in range(max(c for _, c in starts)):
            order.extend(o + i for o, c in starts if i < c)
    last = n * width - 1
    bit_masks = [[0] * 8 for _ in range(total)]
    for k, cell in enumerate(cells[: total * 8]):
        r, c = divmod(cell, n)
        bit_masks[order[k // 8]][7 - k % 8] |= 1 << (last - (r * width + c))
    return bit_masks


def _unit_remainders(value: int, count: int, degree: int) -> list[int]:
    """The Reed-Solomon remainder, as one integer, of ``count`` data bytes that are all zero but
    one, ``value``: for each position of that byte, first to last. (The remainder register takes a
    byte as ``rem = (rem << 8 & mask) ^ table[byte ^ rem >> shift]``: zeros before the byte leave
    it 0.)"""
    table = _ecc_table(degree)
    shift = 8 * (degree - 1)
    mask = (1 << (8 * degree)) - 1
    rem = table[value]  # ``value`` as the last byte; each zero after it moves it one place up
    found = [rem]
    for _ in range(count - 1):
        rem = ((rem << 8) & mask) ^ table[rem >> shift]
        found.append(rem)
    return found[::-1]


def _value_table(masks: list[int]) -> tuple[int, ...]:
    """The image bits of each value of a codeword whose bit ``2**b`` sets ``masks[b]`` (256
    values for eight masks, 16 for four)."""
    table = [0] * (1 << len(masks))
    for v in range(1, len(table)):
        low = v & -v
        table[v] = table[v ^ low] ^ masks[low.bit_length() - 1]
    return tuple(table)


def _nibble_tables(masks: list[int]) -> tuple[int, ...]:
    """The image bits of a data codeword's high four bits (entries 0-15, by their value) and of
    its low four (entries 16-31): 32 entries instead of 256 keep a version's tables ~1.7 MB
    instead of ~14, which stay in the processor's cache between the pages of a batch."""
    return _value_table(masks[4:]) + _value_table(masks[:4])


def _xor(values: Iterable[int]) -> int:
    found = 0
    for v in values:
        found ^= v
    return found


def _codewords(text: str) -> tuple[int, bytes]:
    """(version, the data codewords of ``text``)."""
    version = _version_for(len(text))
    try:
        return version, _data(text, version)
    except KeyError:
        raise ValueError(
            f"QR alphanumeric mode cannot hold {sorted({c for c in text if c not in _ALNUM})!r}"
        ) from None


def encode_image(text: str) -> tuple[int, bytes]:
    """(size n, the code as a 1-bit grey image: n rows padded to whole bytes, 0 = dark)."""
    version, data = _codewords(text)
    n, size, image, tables = _image_plan(version)
    for table, value in zip(tables, data, strict=True):
        image ^= table[value >> 4] ^ table[16 | value & 15]
    return n, image.to_bytes(size, "big")


def encode(text: str) -> list[list[bool]]:
    """The module matrix (True = dark) of ``text``."""
    n, image = encode_image(text)
    width = (n + 7) // 8
    rows = []
    for r in range(n):
        bits = format(int.from_bytes(image[r * width : (r + 1) * width], "big"), f"0{width * 8}b")
        rows.append([ch == "0" for ch in bits[:n]])
    return rows

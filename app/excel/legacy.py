"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC and VNI Windows) read as Latin-1 text.

Old spreadsheets typed with .VnTime or VNI-Times fonts hold bytes that Excel shows as
"NguyÔn V¨n An" (TCVN3) or "Nguyeãn Vaên An" (VNI). A cell is converted only when it has no
character beyond Latin-1 (real Unicode Vietnamese nearly always has one) and shows a pattern that
Unicode Vietnamese never has: TCVN3's letters in U+00A1–U+00BF, or VNI's vowel + mark pairs.
"""

from __future__ import annotations

import re
import unicodedata

TCVN3 = "tcvn3"
VNI = "vni"

# TCVN3 (ABC) byte, read as Latin-1 -> Unicode letter. The capitals with tones share the
# lower-case codes (a capital font shows them), so they come out lower case; names are
# re-capitalised by app.text.clean_name.
_TCVN3_PAIRS = (
    "µà ¸á ¶ả ·ã ¹ạ ¨ă »ằ ¾ắ ¼ẳ ½ẵ Æặ ©â Çầ Êấ Èẩ Éẫ Ëậ ®đ Ìè Ðé Îẻ Ïẽ Ñẹ ªê Òề Õế Óể Ôễ Öệ "
    "×ì Ýí Øỉ Üĩ Þị ßò ãó áỏ âõ äọ «ô åồ èố æổ çỗ éộ ¬ơ êờ íớ ëở ìỡ îợ ïù óú ñủ òũ ôụ "
    "\xadư õừ øứ öử ÷ữ ùự úỳ ýý ûỷ üỹ þỵ ¡Ă ¢Â §Đ £Ê ¤Ô ¥Ơ ¦Ư"
)
_TCVN3 = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split(" ")}
_TCVN3_TABLE = str.maketrans(_TCVN3)
# Characters that Unicode Vietnamese text does not contain (the rest of the table overlaps
# with real Latin-1 Vietnamese letters such as "á" or "ô").
_TCVN3_STRONG = re.compile(
    "[¡¢£¤¥¦§¨©ª¬\xad®µ¶·¸¹»¼½¾ÆÇËÎÏÐ×ÜÞßþ]|(?<=[a-z])[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]|(?<=[bcdghklmnpqrstvx])[ø÷üûïëçåä]"
)

# VNI Windows: a base letter followed by mark characters.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
_VNI_TONES = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRC = {"â": "", "à": _GRAVE, "á": _ACUTE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "è": _GRAVE, "é": _ACUTE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
_VNI_LETTERS = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_STRONG = re.compile(
    "[aA][øùûõïâàáåãäêèéúüëØÙÛÕÏÂÀÁÅÃÄÊÈÉÚÜË]|[eE][øùûõïâàáåãäØÙÛÕÏÂÀÁÅÃÄ]"
    "|[oO][øùûõïâåäØÙÛÕÏÂÅÄ]|[uUyYôÔöÖ][øùûõïØÙÛÕÏ]|[ñÑ]"
)
_BEYOND_LATIN1 = re.compile("[^\x00-\xff]")


def detect(text: str) -> str | None:
    """``"tcvn3"``, ``"vni"`` or ``None`` (Unicode, or plain ASCII)."""
    if not text or text.isascii() or _BEYOND_LATIN1.search(text):
        return None
    tcvn = len(_TCVN3_STRONG.findall(text))
    vni = len(_VNI_STRONG.findall(text))
    if tcvn and tcvn >= vni:
        return TCVN3
    if vni:
        return VNI
    return None


def tcvn3_to_unicode(text: str) -> str:
    return unicodedata.normalize("NFC", text.translate(_TCVN3_TABLE))


def vni_to_unicode(text: str) -> str:
    out: list[str] = []
    for ch in text:
        low = ch.lower()
        prev = out[-1] if out else ""
        base = unicodedata.normalize("NFD", prev)[:1].lower() if prev else ""
        upper = ch != low
        if base in ("a", "e", "o") and low in _VNI_CIRC and _CIRC not in unicodedata.normalize("NFD", prev):
            out[-1] = unicodedata.normalize("NFC", prev + _CIRC + _VNI_CIRC[low])
        elif base == "a" and low in _VNI_BREVE and _BREVE not in unicodedata.normalize("NFD", prev):
            out[-1] = unicodedata.normalize("NFC", prev + _BREVE + _VNI_BREVE[low])
        elif base in ("a", "e", "o", "u", "y", "ơ", "ư") and low in _VNI_TONES:
            out[-1] = unicodedata.normalize("NFC", prev + _VNI_TONES[low])
        elif low in _VNI_LETTERS:
            letter = _VNI_LETTERS[low]
            out.append(letter.upper() if upper else letter)
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def to_unicode(text: str) -> tuple[str, str | None]:
    """The text in Unicode NFC and the legacy encoding it was found in (``None`` if none)."""
    found = detect(text)
    if found == TCVN3:
        return tcvn3_to_unicode(text), found
    if found == VNI:
        return vni_to_unicode(text), found
    return text, None

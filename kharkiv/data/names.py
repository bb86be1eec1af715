"""Fold a name to the form in which two spellings of one name become equal.

'Kharkiv', 'kharkiv ', 'Kharkіv' (Cyrillic і) and 'Khar\u200bkiv' (zero-width space) are one name: a second row
with any of them is a duplicate, not a second place. So are a name whose 'é' is one character (NFC) and the same name
whose 'é' is 'e' plus a combining accent (NFD): the fold normalises (NFKC) before and after casefolding.
"""

import re
import unicodedata

ZERO_WIDTH = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
# Cyrillic and Greek letters that look like Latin ones, after casefolding (so uppercase look-alikes such as
# К, М, Н, Т, В are covered by their lowercase forms).
CONFUSABLES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "і": "i", "ї": "i", "ј": "j", "к": "k",
        "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s",
        "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l",
        "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
        "υ": "u", "χ": "x", "η": "h", "μ": "m", "ζ": "z", "ϲ": "c",
    }
)  # fmt: skip


def fold(name: str) -> str:
    """NFKC, casefold, NFKC again (casefolding can decompose), zero-width characters removed, whitespace
    collapsed, look-alikes mapped to Latin."""
    text = unicodedata.normalize("NFKC", name).translate(ZERO_WIDTH).casefold()
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip().translate(CONFUSABLES)

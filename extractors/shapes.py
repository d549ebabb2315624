"""Token-shape helpers: does a word look like a coined name ("HieraEdgeNet", "YOLOv4")?

Named methods are usually coined words whose *shape* gives them away: inner capitals
(CamelCase), letters mixed with digits, hyphenated capitals, a family suffix (-Net,
-Former, -GAN, -BERT) or a version mark (v2, ++). Ordinary words that happen to be
capitalised, units, chemical formulae and section headings share some of those
shapes; the guards here reject them. Every extractor that needs "is this a name?"
asks this module, so the answer is the same everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from enum import IntEnum
from functools import lru_cache

# A name-like word in running text, hyphen/dot/plus-joined parts kept together.
# Matches "ResNet-50", "Grad-CAM++", "R2-T2", "ViT-B/16"; must not match the "e.g" of "e.g.," as a
# whole sentence tail (the trailing dot is never part of a word).
NAME_WORD = re.compile(
    r"(?<![\w\-+/])[A-Za-z0-9][A-Za-z0-9]*(?:(?:[-.'’]|/(?=\d))[A-Za-z0-9]+)*(?:\+\+|\+(?![\w]))?"
)

# Inner capital after a lower-case letter: "ResNet", "VoxelMorph"; must not match "Network".
CAMEL = re.compile(r"[a-z][A-Z]")

# Letters and digits in one word (a version or size): "YOLOv4", "VGG11"; must not match "Net".
LETTER_DIGIT = re.compile(r"(?=.*[A-Za-z])(?=.*\d)")

# A family suffix -Net, -Former, -GAN, -BERT ...: matches "IBN-Net", "WGAN"; must not match
# "Internet" (lower-case "net") or a bare "Net".
FAMILY_SUFFIX = re.compile(
    r"(?<=[A-Za-z\d])-?(?:Net|Nets|Former|Formers|GAN|GANs|BERT|NAS|CAM|Mixer)\d*$"
)

# A version mark at the end: "v2", "V3", "++": matches "YOLOv12n", "Grad-CAM++"; must not
# match "Savvy".
VERSION_MARK = re.compile(r"(?:[A-Za-z\d][vV]\d+[a-z]?|\+\+)$")

# Two or more capitals: an acronym such as "DARTS" or "RT-DETR"; must not match "Transformer".
ACRONYM = re.compile(r"[A-Z][A-Za-z\d\-]*[A-Z]")

# A unit or measure with a number: "128GB", "3.5ms", "10K", "7B"; must not match "ResNet50".
UNIT = re.compile(
    r"^\d+(?:\.\d+)?(?:[kKMGTB]|[KMGT]?B|[mµn]?s|ms|[kKMG]?Hz|dB|px|x|X|fps|FPS|GFLOPs?|FLOPs?|"
    r"M|K|D|d|th|st|nd|rd|%)?$"
)

# Dimensions, resolutions and shapes: "3D", "1x1", "224x224", "2.5D"; must not match "X-Cross".
DIMENSION = re.compile(r"^\d+(?:\.\d+)?[dD]$|^\d+[x×]\d+(?:[x×]\d+)?$")

# A chemical formula built from common element symbols: "CO2", "H2O", "Fe3O4"; must not match
# "VGG11" (G is no element) or "GPT4".
CHEMICAL = re.compile(
    r"^(?:(?:H|He|Li|B|C|N|O|F|Na|Mg|Al|Si|P|S|Cl|K|Ca|Ti|Mn|Fe|Co|Ni|Cu|Zn|Ga|Ge|Ag|Au|Pt|Pb)\d*)+$"
)

# Roman numerals used as section or item labels: "II", "IV"; must not match "IVF".
ROMAN = re.compile(r"^(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})$")

# A letter with a short number: labels and codes such as "V2", "T1", "L2"; must not match "T5x"
# or "VGG11" (names like T5 come from the lexicon).
SHORT_CODE = re.compile(r"^[A-Za-z]\d{1,3}$")

# Section headings of structured abstracts and page furniture.
SECTION_WORDS = frozenset(
    """abstract introduction background method methods methodology result results conclusion
    conclusions discussion objective objectives purpose aim aims materials findings significance
    motivation contribution contributions keywords approach summary overview""".split()  # noqa: SIM905
)


class Shape(IntEnum):
    """How strongly a word's shape says "coined name"."""

    NONE = 0
    ACRONYM = 1  # all capitals: a name only with more evidence (definition, context)
    STRONG = 2  # CamelCase, letters+digits, family suffix, version mark


# The last part of a hyphenated modifier: "LLM-Based", "AI-Generated", "GPU-Accelerated",
# "Task-Aware"; not "RT-DETR" or "Mask-RCNN".
MODIFIER_END = re.compile(r"-(?:based|generated|driven|aware|guided|free|specific|oriented|"
                          r"centric|powered|enhanced|assisted|accelerated|conditioned|informed|"
                          r"level|style|like|wise|only)$", re.IGNORECASE)


def is_guarded(word: str) -> bool:
    """True for words whose shape is name-like but that are not names (units, formulae...)."""
    return bool(
        UNIT.match(word)
        or DIMENSION.match(word)
        or (CHEMICAL.match(word) and any(c.isdigit() for c in word))
        or ROMAN.match(word)
        or word.casefold() in SECTION_WORDS
        or word.isdigit()
    )


@lru_cache(maxsize=1 << 16)
def shape_of(word: str) -> Shape:
    """The name-evidence of one word's shape.

    >>> shape_of("HieraEdgeNet"), shape_of("DARTS"), shape_of("Network")
    (<Shape.STRONG: 2>, <Shape.ACRONYM: 1>, <Shape.NONE: 0>)
    """
    if len(word) < 2 or is_guarded(word) or not word[0].isalpha() or SHORT_CODE.match(word):
        return Shape.NONE
    if MODIFIER_END.search(word):
        return Shape.NONE  # "LLM-Based", "AI-Generated": a modifier, in a title's case
    if word[0].islower() and sum(c.isupper() for c in word) < 2 and not LETTER_DIGIT.match(word):
        return Shape.NONE  # "strategY", "nD": a stray capital, not a coined name
    if CAMEL.search(word) or FAMILY_SUFFIX.search(word) or VERSION_MARK.search(word):
        return Shape.STRONG
    if LETTER_DIGIT.match(word) and any(c.isupper() for c in word):
        return Shape.STRONG
    if "-" in word and len(word) >= 4 and _hyphen_parts_named(word):
        return Shape.STRONG
    if _is_acronym(word):
        return Shape.ACRONYM
    return Shape.NONE


def _is_acronym(word: str) -> bool:
    """Mostly capitals: "DARTS", "LSTMs", "MoE"; not "Re-Routing" or "TwoCaps"."""
    letters = [c for c in word.rstrip("s") if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return bool(ACRONYM.match(word)) and capitals >= 2 and 2 * capitals >= len(letters)


def _hyphen_parts_named(word: str) -> bool:
    """ "RT-DETR", "X-Cross" yes; "Multi-Scale" (plain title case), "DNN-based" (affix) no.

    Every part must start with a capital or digit, and one part must be an acronym or a letter.
    """
    parts = [part for part in word.split("-") if part]
    if not all(part[:1].isupper() or part[:1].isdigit() for part in parts):
        return False
    return any(part.isupper() or CAMEL.search(part) for part in parts)


def is_capitalised_word(word: str) -> bool:
    """A word starting with a capital letter ("Maestro", "SPEN"), not a number."""
    return word[:1].isupper()


# Everything that is not a letter or digit: matches "-", "_", " "; must not match "é" or "7".
NOT_ALNUM = re.compile(r"[\W_]+")
# The same characters among ASCII bytes, for bytes.translate: in ASCII text NFKC changes
# nothing, case-folding is lower-casing and [\W_] is every byte but a letter or digit.
ASCII_NOT_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """The matching key of a surface form: NFKC, case-folded, letters and digits only.

    A "+" is part of a name and is spelled out: "U-Net++" is not "U-Net".

    >>> normalise("CIFAR-10") == normalise("cifar 10"), normalise("U-Net++") == normalise("U-Net")
    (True, False)
    """
    if text.isascii():  # most forms: a third of the time of the general way (asked per new form)
        return text.lower().replace("+", "plus").encode().translate(None, ASCII_NOT_ALNUM).decode()
    return NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold().replace("+", "plus"))

"""The word lists and patterns the task extractor reads (``extractors.tasks``).

Regexes are named with a comment showing a string they match and one they must not. Word
kinds are cached, since the same words recur across papers.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# American spellings and their British twins, for lower-case words: "summarization" ->
# "summarisation", "labeling" -> "labelling" (an "e" after a consonant before the "l": not
# "feeling"), "behavior" -> "behaviour". Variants no paper writes cost nothing.
BRITISH = (
    (re.compile(r"iz(?=(?:e|ed|es|ing|ation|ations)\b)"), "is"),
    (re.compile(r"(?<=[^aeiou]e)l(?=(?:ing|ed|er)\b)"), "ll"),
    (re.compile(r"(?:(?<=avi)|(?<=ighb)|(?<=olo))or(?=s?\b)"), "our"),
)


def british(phrase: str) -> str:
    """``phrase`` spelled the British way ("sequence labeling" -> "sequence labelling")."""
    for pattern, replacement in BRITISH:
        phrase = pattern.sub(replacement, phrase)
    return phrase


def with_british(words: frozenset[str]) -> frozenset[str]:
    return words | {british(w) for w in words}


HEADS = _words(
    "detection classification segmentation recognition generation forecasting prediction "
    "estimation translation retrieval registration reconstruction captioning answering synthesis "
    "tracking localization summarization inpainting super-resolution denoising "
    "recommendation discovery parsing modeling completion grounding re-identification "
    "upsampling editing matching verification clustering hashing spotting understanding "
    "personalization adaptation analysis deblurring dehazing colorization labeling tagging"
)
HEADS = with_british(HEADS)
# Plural heads that still name tasks ("fine-grained classifications"); "predictions" rarely does.
PLURAL_HEADS = _words("classifications detections segmentations")
# Words that modify a task head but are not part of its name.
NOT_MODIFIERS = _words(
    "a an the for of in on and or with to by as from our their its this these that such both all "
    "whether if how what why who whose regardless "
    "each any accurate efficient fast robust better improved novel new existing effective strong "
    "competitive various several multiple different many downstream challenging standard common "
    "general generic traditional conventional state-of-the-art end-to-end large-scale "
    "high-quality reliable precise superior faster scalable simple is are was were be been "
    "improve improves improving achieve achieves enable enables perform performs using based via "
    "at into while we it can which where when than more most less also significant significantly "
    "performance task tasks models method over across under between within without about per "
    "first second third last single whole entire overall real-world practical remote rapid "
    "theoretical empirical extensive comprehensive systematic detailed thorough rigorous formal "
    "quantitative qualitative experimental numerical preliminary in-depth further benchmarks "
    "dataset datasets data-driven learning-based generalist specialist unified joint jointly "
    "only not but so very how why what who whose if then current recent prior previous modern "
    "contemporary poor good high low higher lower worse best key main major important crucial "
    "among through beyond against toward towards upon onto like unlike despite during after "
    "before since until around near every some no own often usually typically generally still "
    "always never frequently commonly rarely mainly mostly largely thus hence therefore yet "
    "inaccurate imprecise incorrect wrong correct proper final initial "
    "two three four five six seven eight nine ten dozens hundreds thousands"
)
# A leading word that describes rather than names: "including", "designing", "enhanced",
# "newly", "broader"; not "image", "multi-organ" or "click-through".
DESCRIBING = re.compile(r"^(?:[a-z\-]+(?:ed|ing|ly)|[a-z]{1,2}|(?:[a-z]+-)?(?:based|level|"
                        r"efficiency|quality|time|scale|wise|aware|free)|broader|wider|deeper|"
                        r"better|additional|further|other|diverse|complex|consider|solve|deep|"
                        r"automatic|automated|(?:outperform|achieve|improve|enable|support|"
                        r"handle|tackle|address|show|demonstrate|perform|require|benefit)s?)$")
# Describing-shaped words that are part of task names: "weakly supervised", "structured",
# "text-guided", "fine-grained", "drivable", "deformable"; not "enhanced", "including" or
# "comparable".
NAMING = re.compile(r"(?:supervised|structured|guided|conditioned|conditional|controlled|"
                    r"labeled|labelled|annotated|constrained|drivable|controllable|deformable|"
                    r"wearable|[a-z]+-(?!based$)[a-z]+ed)$")
# Verbs that take a task as object: "process image clustering", "incorporate low-rank compression".
VERBS = _words(
    "process incorporate generate perform enable support handle tackle address solve improve "
    "achieve design develop study investigate explore consider apply use require provide propose "
    "introduce present evaluate compare demonstrate show learn train capture extract compute "
    "boost enhance facilitate have has had do preserve maintain ensure allow obtain reach attain "
    "affect extend reveal impact hinder limit guide drive advance aid assist accelerate simplify "
    "unify bridge combine integrate target serve empower automate adapt leverage exploit examine "
    "analyze analyse assess measure quantify predict outperform surpass does did term termed "
    "called named dubbed make makes made give gives take takes get gets become becomes bring "
    "offer offers"
)
# Praise or ability adjectives: "interpretable", "comparable", "powerful"; not "visual" (and not
# the -able words of NAMING).
ADJECTIVE = re.compile(r"(?:able|ible|ful|ous)$")
# "-ing" words that are nouns naming what a task is about: "rating prediction", "driving scene".
ING_NOUNS = _words(
    "rating ranking reading driving clustering matching tracking parsing planning reasoning "
    "spotting mapping rendering sampling painting clothing"
)
# A number of stages, a plural or a verb's -s, not a name part: "two-stage", "experiments",
# "images", "degrades"; not "class", "news", "series" or "robotics".
NOT_PART = re.compile(r"^(?!(?:news|sales|series|species)$|.*ics$)(?:(?:one|two|three|multi|single)"
                      r"-(?:stage|step|phase)|\d[\d.]*|[a-z]+(?:[^suie'’]s|[^aeiou]es))$")
# A nearby word that says a task is meant: "the task of", "tackle", "such as", "e.g."; not
# "taskonomy". (Searched in the lower-cased text, as are the patterns below it, and only where
# one of CUE_KEYS is.) The commonest cues, "for", "on" and "in" between spaces, are found by
# three substring tests in ``tasks._Reader.cued``, which cost less than this regex.
CUE = re.compile(r"\b(?:tasks?|tackle|address(?:es|ing)?|problems?|benchmarks?|such\sas|including|"
                 r"e\.g\.|term(?:ed)?|called|named|applications?|use\scases?)\b")
CUE_KEYS = ("task", "tackle", "address", "problem", "benchmark", "such", "including", "e.g.",
            "term", "called", "named", "applica", "use")
# After a phrase, in its clause, a word that makes it a task: "X is one of the fundamental tasks",
# "X, which aims to predict"; not "X. Other tasks".
TASK_AFTER = re.compile(r"[^.;:]{0,40}?\b(?:tasks?|problems?|aims?\sto)\b")
# Right before a phrase, a field's background rather than the paper's task: "recent advances in ",
# "the success in "; not "results in ".
BACKGROUND = re.compile(r"\b(?:advances|advancements|progress|success|successes|breakthroughs|"
                        r"developments)"
                        r"\s(?:\w+\s)?in\s$")
# The word before a phrase that makes it a method used, not a task addressed: "utilizing"
# neural machine translation; not "for" neural machine translation.
USED = frozenset({"utilizing", "utilising", "using", "employing", "leveraging", "via", "with"})
# A word before a phrase that makes its first word a verb: "we formulate" HHI generation,
# "often overlook" structural adaptation; not "for" or "to" (image classification).
SUBJECTS = frozenset({"we", "they", "often", "usually", "typically", "generally"})
# After a phrase, the noun it describes: "an adaptive relation modeling network", "in a sequence
# modeling fashion".
DESCRIBES_A_METHOD = re.compile(r"\s(?:network|model|framework|architecture|module|layer|"
                                r"operator|block|system|pipeline|process|prompt|fashion|manner|method|"
                                r"approach|technique)(?:s|es)?\b")
# The word after a name: "prompt" in "recommendation prompt"; not "Recommendation" or "is,".
NEXT_WORD = re.compile(r" ([a-z]+)\b(?![\-])")
# Next to a head alone, the punctuation of a list: "," or " and " after it ("segmentation, and"),
# ", " or " and " before it ("detection, segmentation"); not " of" after or "the " before.
LISTED = (",", " and ", " or ")
LISTED_BEFORE = (", ", " and ", " or ")
# Words inside a phrase that say how a task is evaluated, not what it is: "graph benchmark
# classification" names "graph classification".
DROPPED = frozenset({"benchmark"})
# A modifier word: lower-case ("image", "3d", "top-k", "multi-center"), an acronym ("PET",
# "LiDAR", "RGB-D") or a capitalised word ("Multi-Center", only in Title Case phrases);
# not "(PET)" or "image," (punctuation ends the phrase).
LOWER_WORD = re.compile(r"[a-z0-9][a-z0-9\-]*")
ACRONYM = re.compile(r"(?=[^A-Z]*[A-Z][^A-Z]*[A-Z]|[^A-Z]*\d[^A-Z]*[A-Z]|[^\d]*[A-Z][^\d]*\d)"
                     r"[A-Za-z0-9][A-Za-z0-9\-]{1,9}s?")
TITLE_WORD = re.compile(r"[A-Z0-9][a-z0-9]*(?:-[A-Za-z0-9][a-z0-9]*)*")
# An acronym in parentheses between modifiers and their head: "(CTR)" in "Click-through rate
# (CTR) prediction"; not "(see below)".
PAREN_ACRONYM = re.compile(r"\([A-Z][A-Za-z0-9\-]{1,9}\)")
# Between two coordinated names (whole): matches ", ", ", and ", " (ODA) and "; not " with the ".
COORDINATION = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/\s*)")
# The last word of a task name: an action noun ("segmentation", "answering", "analysis") or a head.
ACTION = re.compile(rf"(?:tion|sion|ing|sis|ment|ance|ence|{'|'.join(sorted(HEADS))})$")
# Concepts the guideline keeps out of tasks ("few-shot learning", "neural architecture search").
PARADIGM = re.compile(r"(?:learning|search|distillation|augmentation)$")


# Word kinds: STOP never belongs to a name; DESCRIBING only in a coined capitalised name; PART
# can; TITLE is a capitalised word (a modifier in Title Case phrases and sentence starts).
STOP, DESCRIBES, PART, TITLE, OTHER = range(5)


@lru_cache(maxsize=8192)
def word_kind(low: str) -> int:
    """What a lower-cased word can be in a task name (cached: words repeat across papers)."""
    if low in NOT_MODIFIERS or low in VERBS or NOT_PART.match(low) or low.endswith(("ize", "ify")):
        return STOP  # "-ize", "-ify": verbs ("optimize", "quantify")
    if NAMING.search(low) or low in ING_NOUNS:
        return PART
    return DESCRIBES if DESCRIBING.match(low) or ADJECTIVE.search(low) else PART


# What a piece of text before a head is, as bit flags (:func:`piece_flags`).
SHAPED = 1  # a lower-case word or an acronym: "image", "3d", "PET"
CAPITAL = 2  # a capitalised word: "Image", "Multi-Center"
NAMES = 4  # its kind is PART: it can be part of a name
STOPS = 8  # its kind is STOP: it ends a name ("the", "improves", "two-stage")
LY = 16  # ends in "ly": "weakly" may stay before a naming word
ACRONYM_WORD = 32  # an acronym: "COCO" alone before a head names a thing, not a kind


@lru_cache(maxsize=16384)
def piece_flags(piece: str) -> int:
    """:func:`word_shape` and :func:`word_kind` of a piece in one cached call, as flags."""
    shape = word_shape(piece)
    if shape == OTHER:
        return 0
    kind = word_kind(piece.lower())
    return ((SHAPED if shape == PART else CAPITAL) | (NAMES if kind == PART else 0)
            | (STOPS if kind == STOP else 0) | (LY if piece.endswith("ly") else 0)
            | (ACRONYM_WORD if ACRONYM.fullmatch(piece) else 0))


@lru_cache(maxsize=8192)
def word_shape(piece: str) -> int:
    """Whether a piece of text can modify a head: a lower-case word or an acronym (PART), a
    capitalised word (TITLE), or anything else ("image,", "(see")."""
    if LOWER_WORD.fullmatch(piece) or ACRONYM.fullmatch(piece):
        return PART
    return TITLE if TITLE_WORD.fullmatch(piece) else OTHER

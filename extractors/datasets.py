"""Named datasets and benchmarks, with ``proposed`` when the paper introduces them.

Three sources of evidence, all over the document text once:

- a lexicon of established names (exact case, spaCy ``PhraseMatcher``), with split
  and version forms glued on ("COCO test-dev", "ImageNet-1K" stay as written);
- cue phrases around a name-shaped span: "the X dataset/benchmark/corpus",
  "datasets such as X, Y and Z", "X and Y datasets";
- shorthand coordination "CIFAR-10/100" and "CIFAR-10,100" (two datasets).

A dataset is proposed when the text introduces it: "we introduce/release/present X,
a new benchmark", "a new dataset called X", "X, a large-scale dataset".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from extractors.base import DATASET, Document, Mention
from extractors.lexicon import Lexicon, load_lexicons, usable
from extractors.shapes import FAMILY_SUFFIX

# A name-shaped span: one to three tokens, the first capitalised with another capital or a
# digit somewhere ("TotalSegmentator", "CIFAR-10", "WAD 2018 Challenge"); not "The", "Our".
NAME = (r"(?:[A-Z][A-Za-z]*(?:[A-Z0-9][\w'.\-]*|-[\w\-]+)|[A-Z]{2,}[\w'\-]*)"
        r"(?:\s(?:[A-Z][\w'\-]*|\d[\w.\-]*|v\d[\w.]*)){0,2}")
CUE_WORDS = r"(?:data\s?sets?|benchmarks?|corpus|corpora|suites?|challenges?|collections?)"
# "the TotalSegmentator dataset", "on SVHN and Places benchmarks"; not "the proposed dataset".
NAME_BEFORE_CUE = re.compile(rf"\b({NAME})(?:\s(?:and|&)\s({NAME}))?\s{CUE_WORDS}\b")
# A plain capitalised word named as data: "the Sketchy dataset", "(Places benchmark)"; not
# "The dataset" or "Extensive benchmarks".
PLAIN_BEFORE_CUE = re.compile(rf"(?:\bthe\s|\()([A-Z][a-z]{{3,}})\s{CUE_WORDS}\b")
# "datasets such as MNIST, SVHN and STL-10", "benchmarks including GQA"; not "such as ours".
CUE_THEN_LIST = re.compile(
    rf"\b{CUE_WORDS}(?:\s\([^)]*\))?(?:,?\s(?:such as|including|like|namely|e\.g\.,?)|:)\s"
    rf"(?:the\s)?"
    rf"((?:{NAME})(?:(?:,\s|,?\s(?:and|or)\s)(?:the\s)?{NAME})*)")
# "CIFAR-10/100" -> CIFAR-10, CIFAR-100; "CIFAR-10,100"; "ImageNet-1K/22K"; not "10/100 epochs"
# or "CIFAR-10, 16.39%" (a value follows the name).
SHORTHAND = re.compile(
    r"\b([A-Z][A-Za-z]*-?)(\d+[KkM]?)(?:/|,\s?)(\d+[KkM]?)\b(?!\.\d|\d|\s?(?:%|epochs|ms))")
# "HorizonBench, a new benchmark", "a dataset called Foo-1M"; not "ResNet, a strong baseline".
INTRODUCED = re.compile(
    rf"\b({NAME}),\s(?:a|an)\s(?:[\w\-]+\s){{0,4}}?{CUE_WORDS}\b"
    rf"|\b{CUE_WORDS},?\s(?:called|named|dubbed|termed)\s({NAME})")
# A capitalised cue word ends the name it follows: "Berkeley DeepDrive Dataset", "Spiking
# Heidelberg Dataset", "WAD 2018 Challenge"; not "the dataset" (lower case).
NAMED_WITH_CUE = re.compile(
    r"\b((?:[A-Z][\w'\-]*\s|\d{4}\s){1,4}(?:Dataset|Benchmark|Corpus|Challenge))\b")
# A score "on" a name: "59.7 mIoU on ADE20K", "74.5% on MMBench", "7.06 mAP for NuImages";
# not "80% of images" or "on average".
SCORED_ON = re.compile(
    rf"\d(?:\.\d+)?\s?%?(?:\s[\w\-@]+){{0,3}}?\s(?:on|for)\s(?:the\s)?({NAME})(?![\w\-])")
# Split and version suffixes glued to a known name: " test-dev", "-1K", " val2017", " v2".
SPLIT = re.compile(r"^(?:[\s-](?:test-dev|test-std|test|val|dev|train)(?:\d{4})?"
                   r"|-\d+[KkMB]?|\s?v\d+(?:\.\d+)?)\b")
# "we introduce X, a new benchmark", "we release X", "X, a large-scale dataset",
# "a new dataset, called X"; not "we evaluate on X".
PROPOSE_BEFORE = re.compile(
    r"\b(?:we|this paper|this work)\s(?:also\s)?(?:introduce|present|release|propose|construct|"
    r"build|create|curate|collect|contribute|develop)s?d?\s(?:a\s|an\s|the\s)?"
    r"(?:new\s|novel\s|large-scale\s|comprehensive\s|challenging\s)*"
    r"(?:(?:dataset|benchmark|corpus)s?,?\s(?:called\s|named\s|dubbed\s|termed\s)?)?$",
    re.IGNORECASE)
PROPOSE_AFTER = re.compile(
    r"^,?\s(?:a|an|the\sfirst)\s(?:[\w\-]+\s){0,4}?(?:dataset|benchmark|corpus|suite)\b",
    re.IGNORECASE)
# Capitalised words that head a name-shaped span but never name data: "In ImageNet" is fine,
# "We", "Our", section words and the like are not.
STOP = {"We", "Our", "This", "The", "These", "In", "On", "For", "To", "A", "An", "It", "Its",
        "Results", "Code", "Table", "Fig", "Section", "Experiments", "Extensive", "Large-scale",
        "Existing", "Previous", "Public", "Standard", "Several", "Many", "Most"}


# A size or version mark at the end of a name: "-50" of "ResNet-50", "-B0", "v2".
VARIANT_MARK = re.compile(r"[-\s]?(?:[vVB]?\d[\w.]*)$")
# Words a name-shaped span may carry that are not part of a dataset's name: an owner's
# possessive ("OpenAI's WIT") and a translation direction ("WMT'14 English-to-French").
POSSESSIVE = re.compile(r"^[\w\-]+['’]s\s")
DIRECTION = re.compile(r"\s?\b[A-Z][a-z]+-to-[A-Z][a-z]+$")


def _trimmed(start: int, end: int, name: str) -> tuple[int, int, str]:
    owner = POSSESSIVE.match(name)
    if owner:
        start, name = start + owner.end(), name[owner.end():]
    direction = DIRECTION.search(name)
    if direction:
        end, name = end - len(direction.group()), name[: direction.start()]
    return start, end, name


class DatasetExtractor:
    """Datasets from a lexicon, cue phrases and shorthand coordination."""

    name = "datasets"
    labels = (DATASET,)

    def __init__(self, nlp: Language, lexicon: Lexicon | None = None) -> None:
        lexicon = lexicon or load_lexicons()
        self.canonical: dict[str, str] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        patterns = []
        for entry in lexicon.of(DATASET):
            for form in entry.forms:
                if usable(form, DATASET, entry.curated) and form not in self.canonical:
                    self.canonical[form] = entry.name
                    patterns.append(nlp.make_doc(form))
        self.matcher.add(DATASET, patterns)

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterable[Mention]:
        text = document.text
        spans: dict[tuple[int, int], tuple[str, str]] = {}  # offsets -> (how, name)
        for _, start, end in self.matcher(document.doc):
            span = document.doc[start:end]
            s, e = span.start_char, span.end_char
            glued = SPLIT.match(text[e:])
            e += glued.end() if glued else 0
            spans[(s, e)] = ("lexicon", text[s:e])
        for s, e in self._cued(text):
            spans.setdefault((s, e), ("cue", text[s:e]))
        for s, e, name in self._shorthand(text):
            spans[(s, e)] = ("shorthand", name)
        out = []
        for (s, e), (how, name) in sorted(spans.items()):
            s, e, name = _trimmed(s, e, name)
            if not name or name.split()[0] in STOP:
                continue
            attrs: dict[str, object] = {"proposed": self._proposed(text, s, e), "how": how}
            if name in self.canonical:
                attrs["canonical"] = self.canonical[name]
            out.append(Mention(DATASET, name, s, e, self.name, attrs))
        return out

    @staticmethod
    def _cued(text: str) -> Iterable[tuple[int, int]]:
        for match in NAME_BEFORE_CUE.finditer(text):
            for group in (1, 2):
                if match.group(group):
                    yield match.start(group), match.end(group)
        for match in INTRODUCED.finditer(text):
            group = 1 if match.group(1) else 2
            yield match.start(group), match.end(group)
        for match in PLAIN_BEFORE_CUE.finditer(text):
            yield match.start(1), match.end(1)
        for match in NAMED_WITH_CUE.finditer(text):
            start, words = match.start(1), match.group(1).split()
            while len(words) > 1 and words[0] in STOP:  # "The Foo Dataset" -> "Foo Dataset"
                start += len(words[0]) + 1
                words = words[1:]
            if len(words) > 1:
                yield start, match.end(1)
        for match in SCORED_ON.finditer(text):
            name = re.split(r"\.(?:\s|$)", match.group(1))[0]  # "ADE20K. For": the sentence ends
            if len(name) < 4 and not any(c.isdigit() for c in name):
                continue  # "for ABR", "on VP": short acronyms after a score are rarely data
            if not FAMILY_SUFFIX.search(VARIANT_MARK.sub("", name.split()[0])):  # "on ResNet-50"
                yield match.start(1), match.start(1) + len(name)
        for match in CUE_THEN_LIST.finditer(text):
            base = match.start(1)
            for name in re.finditer(NAME, match.group(1)):
                yield base + name.start(), base + name.end()

    @staticmethod
    def _shorthand(text: str) -> Iterable[tuple[int, int, str]]:
        """'CIFAR-10/100' gives CIFAR-10 and CIFAR-100 (the second spans the '100')."""
        for match in SHORTHAND.finditer(text):
            yield match.start(1), match.end(2), match.group(1) + match.group(2)
            yield match.start(3), match.end(3), match.group(1) + match.group(3)

    @staticmethod
    def _proposed(text: str, start: int, end: int) -> bool:
        before = text[max(0, start - 120):start]
        return bool(PROPOSE_BEFORE.search(before) or PROPOSE_AFTER.match(text[end:end + 80]))

"""Code links: every URL in the text, url-less code locations, and the "code is available" claim.

Links are found, cleaned and typed by :mod:`extractors.urls`; a data link in a sentence that
speaks only of code is code. Where a sentence claims availability without a link, a coined
name after "available at" or "released in" is a url-less location ("at PaddleClas").

The availability claim follows the annotation guideline: code, models or an implementation are,
or will be, publicly available. A release of data alone does not count ("we release a new
dataset"), nor does data or a model someone else made public ("publicly available datasets").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from typing import NamedTuple

import ahocorasick_rs

from extractors.base import CODE, CODE_AVAILABLE, Document, Mention
from extractors.urls import (
    CODE_KIND,
    DATA,
    HF_HOSTS,
    LINK_KEYS,
    LinkKeys,
    classify_url,
    link_keys,
    link_spans,
    lower_or_none,
    normalise_url,
    url_host,
)

# Platforms named in "available on GitHub": where, but not which, code; never a url-less name.
PLATFORMS = frozenset(
    {"github", "gitlab", "bitbucket", "gitee", "huggingface", "hugging", "zenodo", "kaggle"}
    | {"pytorch", "tensorflow", "jax", "keras", "paddlepaddle", "mxnet", "mindspore"}
    | {"our", "the", "this", "section", "appendix"}
)

# Code itself, whatever the verb: "source code", "weights"; not "code generation", "pseudo-code".
STRONG_ARTIFACT = (
    r"(?<![-\w])(?:(?:source\s+)?codes?(?!\s*(?:snippets?|generation|completion|models?|llms?"
    r"|tasks?|search|review|summari[sz]ation|repair|translation|understanding|data|corpus"
    r"|corpora|benchmarks?|language|tokens?|books?|of\s+conduct)\b)"
    r"|code\s?bases?|implementations?|software|librar(?:y|ies)|tool(?:kit|box)s?|packages?"
    r"|scripts?|checkpoints?|(?:model\s+)?weights|pre-?trained\s+models?)\b"
)
# What a release of counts: code, models, tools; "codes and models" but not "framework".
ARTIFACT = (
    rf"(?:{STRONG_ARTIFACT}|(?<![-\w])(?:models?|repositor(?:y|ies)|repos?|tools?|pipelines?)\b)"
)
ARTIFACT_RE = re.compile(ARTIFACT, re.IGNORECASE)
# As the subject of "is available": "the system is released"; not in "we release the framework".
SUBJECT_ARTIFACT = rf"(?:{ARTIFACT}|(?<![-\w])(?:systems?|frameworks?)\b)"
# Between a subject and its verb, no clause with a subject of its own: "pipelines that assume
# frames are available" says nothing of the pipelines.
_SUBJECT_GAP = (
    r"(?:(?!\s(?:that|which|where|whether|if|when|because|since|assumes?)\b)[^.;!?]){0,60}?"
)
_HEDGE = r"(?:\w+ly\s+|also\s+|now\s+|soon\s+|made\s+|then\s+|fully\s+){0,3}"
# "Our code is publicly available", "models will be released"; not "publicly available models",
# "models are provided neutral options", "the model is at once".
ARTIFACT_IS_AVAILABLE = re.compile(
    rf"{SUBJECT_ARTIFACT}{_SUBJECT_GAP}\b(?:is|are|will\s+be|shall\s+be|can\s+be|could\s+be"
    rf"|may\s+be|has\s+been|have\s+been|to\s+be|be)\s+{_HEDGE}(?:(?:available|released"
    r"|open[- ]?sourced?|public|accessible|found|accessed|downloaded|obtained|hosted|shared"
    r"|published|on\s+github|(?:included\s+)?in\s+(?:the\s+)?supplement\w*"
    r"|included\s+in\s+(?:the\s+)?(?:\w+\s+){0,2}(?:repository|library|toolbox|toolkit|codebase))\b"
    r"|provided(?=\s*(?:at|in|on|via|online|publicly|as|[.,;#]|$))"
    r"|at\s*:?\s*(?:#|this\s+https?\s+url))",
    re.IGNORECASE,
)
# "Code available at", "code and models publicly available on"; not "available models".
ARTIFACT_AVAILABLE_AT = re.compile(
    rf"{ARTIFACT}[^.;!?]{{0,40}}?\b(?:publicly\s+|freely\s+|openly\s+)?"
    r"(?:available|released|accessible)\s+(?:at|on|in|via|from|through|here|online|soon)\b",
    re.IGNORECASE,
)
_WE = r"\bwe\s+(?:will\s+|also\s+|further\s+|publicly\s+|openly\s+|fully\s+|additionally\s+){0,3}"
# "We release", "we will publicly open-source"; the object follows.
WE_RELEASE = re.compile(
    rf"{_WE}(?:release[ds]?|open[- ]?source[ds]?|publish(?:es)?|distribute)\b", re.IGNORECASE
)
# "We provide", "we share"; the object must be code itself ("we provide a framework" is a method).
WE_PROVIDE = re.compile(rf"{_WE}(?:provide|share|offer)\b", re.IGNORECASE)
# Where the object of a release ends: "release X to support", "X produced by a pipeline".
OBJECT_END = re.compile(
    r"[.;!?]|\s(?:to|for|that|which|so|while|hoping|upon|under|by|produced|built|based|using"
    r"|via|at)\b",
    re.IGNORECASE,
)
# An artifact that only describes the released thing: "a dataset of code", "outputs from models".
_DESCRIBED = re.compile(r"\b(?:of|on|about|from|with|by)\s+(?:the\s+|our\s+|\w+\s+)?$", re.I)
# Stems the availability patterns need, for a cheap test before running them (_may_claim): the
# artifact words of SUBJECT_ARTIFACT ("code", "models"), the claim words after them ("available",
# "released", a masked URL "#"), and the verbs of WE_RELEASE, WE_PROVIDE and WE_MAKE_AVAILABLE.
ARTIFACT_STEMS = (
    *("code", "implementation", "software", "librar", "tool", "package", "script"),
    *("checkpoint", "weights", "model", "repo", "pipeline", "system", "framework"),
)
CLAIM_STEMS = (
    *("availab", "releas", "public", "access", "found", "download", "obtain", "host", "shar"),
    *("publish", "github", "supplement", "includ", "provid", "#", "url"),
)
WE_VERB_STEMS = ("make", "made", "releas", "publish", "distribut", "provid", "shar", "offer")
# Every sentence _may_claim passes holds a claim key ("open", a release verb, a claim word; an
# artifact alone claims nothing). One Aho-Corasick pass over a document (_scan) finds them and
# the link keys (LINK_KEYS).
CLAIM_KEYS = tuple(dict.fromkeys(("open", *WE_VERB_STEMS, *CLAIM_STEMS)))
_DOC_FINDER = ahocorasick_rs.AhoCorasick(
    [*CLAIM_KEYS, *(key for keys in LINK_KEYS.values() for key in keys)]
)
_LINK_KINDS = [kind for kind, keys in LINK_KEYS.items() for _ in keys]
# The lower-case words a sentence is read for (one Aho-Corasick pass, _read), by role. The
# _may_claim roles: "open", a "verb", an artifact "stem", a "claim" word. Every match of
# SUBJECT_ARTIFACT (so of ARTIFACT, STRONG_ARTIFACT) starts with an "artifact" word ("source
# code", "pre-trained models", "model weights"); ARTIFACT_IS_AVAILABLE needs one of its
# claim words after the verb ("is_available"), ARTIFACT_AVAILABLE_AT one of its own
# ("available_at"); WE_MAKE_AVAILABLE needs a "make" word, WE_RELEASE a "release" word,
# WE_PROVIDE a "provide" word, OPEN_SOURCE_SELF "open".
SENTENCE_WORDS = {
    "open": ("open",),
    "verb": WE_VERB_STEMS,
    "stem": ARTIFACT_STEMS,
    "claim": CLAIM_STEMS,
    "artifact": ("source", "code", "implementation", "software", "librar", "tool", "package")
    + ("script", "checkpoint", "model", "weights", "pre", "repo", "pipeline", "system")
    + ("framework",),
    "is_available": ("available", "released", "open", "public", "accessible", "found")
    + ("accessed", "downloaded", "obtained", "hosted", "shared", "published", "github")
    + ("supplement", "included", "provided", "#", "url"),
    "available_at": ("available", "released", "accessible"),
    "make": ("make", "made"),
    "release": ("releas", "open", "publish", "distribute"),
    "provide": ("provide", "share", "offer"),
}
_WORDS = sorted({word for words in SENTENCE_WORDS.values() for word in words})
_WORD_ROLES = [frozenset(r for r, words in SENTENCE_WORDS.items() if w in words) for w in _WORDS]
_ARTIFACT_WORD = ["artifact" in roles for roles in _WORD_ROLES]
_WORD_FINDER = ahocorasick_rs.AhoCorasick(_WORDS)
# "We make our code and models publicly available"; not "we make the model robust".
WE_MAKE_AVAILABLE = re.compile(
    rf"\bwe\s+(?:will\s+)?(?:make|made)\b[^.;!?]{{0,60}}?{ARTIFACT}[^.;!?]{{0,40}}?"
    r"\b(?:available|public|open)\b",
    re.IGNORECASE,
)
# "We present X, an open-source toolkit", "X is an open-source library"; not "open-source LLMs".
OPEN_SOURCE_SELF = re.compile(
    r"(?:\bwe\s+(?:present|introduce|develop|propose|release|build|provide|offer|create"
    r"|describe|contribute)\b[^.;!?]{0,60}?|\b(?:is|are)\s+)"
    r"\b(?:an?|the\s+first|our)\s+(?:\w+[,\s]+)?open[- ]?sourced?\b(?P<head>[\w\s,-]{0,40})",
    re.IGNORECASE,
)
# The head of what was released is data: "dataset", "benchmark of"; not "dataset and code".
DATA_OBJECT = re.compile(
    r"\b(?:datasets?|benchmarks?|corpus|corpora|collection|suite|data|annotations?|images"
    r"|videos|recordings|splits|samples)\b"
    r"(?!\s*(?:,|and|&)\s*(?:\w+\s+){0,2}?(?:codes?|models?|implementation))",
    re.IGNORECASE,
)
# Any word for data: "dataset", "data", "benchmarks"; not "database" or "update".
DATA_WORD = re.compile(r"\b(?:datasets?|data|benchmarks?|corpus|corpora)\b", re.IGNORECASE)
# "Code will not be released", "no publicly available framework"; not "Code is now available".
NEGATION = re.compile(r"\b(?:not|never|no|cannot|lack(?:s|ing)?|absence|unavailable)\b", re.I)
# A url-less location after a release: "available at PaddleClas", "in the TorchVision repository",
# "at MindSpore/models"; not "available at the end" (lower-case).
NAMED_LOCATION = re.compile(
    r"\b(?:available|released|found|hosted|integrated|included|accessible|open-sourced)\s+"
    r"(?:\w+ly\s+)?(?:at|in|on|via|through|as\s+part\s+of)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.-]*[\w](?:/[\w.-]*\w)?)"
    r"(?P<suffix>\s+(?:repository|repo|library|toolbox|toolkit|codebase|package|model\s+zoo))?"
)


class CodeLinkExtractor:
    """Find code links and the availability claim; see the module docstring."""

    name = "code_links"
    labels = (CODE, CODE_AVAILABLE)

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterable[Mention]:
        text = document.text
        lowered = lower_or_none(text)
        claims, keys = (None, None) if lowered is None else _scan(text, lowered)
        mentions = self._links(text, keys)
        masked = _mask(text, [(m.start, m.end) for m in mentions]) if mentions else text
        for mention in mentions:
            _kind_in_context(mention, masked[slice(*document.sentence_bounds(mention.start))])
        available = None
        sentences = _sentences(document)
        for i in _worth_reading(sentences, mentions, claims):
            start, end = sentences[i]
            in_sent = [m for m in mentions if start <= m.start < end]
            sentence = masked[start:end]
            words = _read(sentence)
            if not in_sent and lowered is not None and not _may_claim(words):
                continue
            if not _available(sentence, [m.attrs["kind"] for m in in_sent], words):
                continue
            if available is None:
                available = Mention(
                    CODE_AVAILABLE, text[start:end], start, end, self.name, {"available": True}
                )
            if not in_sent:
                mentions.extend(self._named_locations(text, start, end))
        return mentions + ([available] if available else [])

    def _links(self, text: str, keys: LinkKeys | None) -> list[Mention]:
        mentions: list[Mention] = []
        seen: set[str] = set()
        for start, end in link_spans(text, keys):
            url = normalise_url(text[start:end])
            if url in seen:  # "\href{URL}{URL}" and Markdown "[URL](URL)" name one link
                continue
            seen.add(url)
            attrs = {"url": url, "kind": classify_url(url)}
            mentions.append(Mention(CODE, text[start:end], start, end, self.name, attrs))
        return mentions

    def _named_locations(self, text: str, start: int, end: int) -> Iterator[Mention]:
        for match in NAMED_LOCATION.finditer(text, start, end):
            name = match.group("name")
            if name.casefold() in PLATFORMS and not match.group("suffix"):
                continue
            coined = "/" in name or re.search(r"\d|[A-Z].*[A-Z]", name)
            if not (match.group("suffix") or coined):
                continue  # a capitalised common word ("Figure"), not a coined name
            attrs = {"url": None, "name": name, "kind": CODE_KIND}
            yield Mention(CODE, name, match.start("name"), match.end("name"), self.name, attrs)


class _Words(NamedTuple):
    """What :func:`_read` found in a sentence."""

    lowered: str | None  # None: CASE_TWINS, lower-casing is not safe
    roles: set[str]  # the SENTENCE_WORDS roles of the words found (all if lowered is None)
    starts: list[int] | None  # where "artifact" words start (None: anywhere)


def _read(sentence: str) -> _Words:
    lowered = lower_or_none(sentence)
    if lowered is None:
        return _Words(None, set(SENTENCE_WORDS), None)
    roles: set[str] = set()
    starts = []
    for index, start, _ in _WORD_FINDER.find_matches_as_indexes(lowered, overlapping=True):
        roles |= _WORD_ROLES[index]
        if _ARTIFACT_WORD[index]:
            starts.append(start)
    return _Words(lowered, roles, starts)


def _may_claim(words: _Words) -> bool:
    """False only where :func:`available_sentence` is False for a sentence without URLs.

    Every claim pattern is case-insensitive and needs "open" (OPEN_SOURCE_SELF), "we" and a
    release verb (WE_*), or an artifact and a claim word (ARTIFACT_IS_AVAILABLE/_AVAILABLE_AT).
    The caller has checked the document holds no CASE_TWINS.
    """
    roles = words.roles
    if "open" in roles or ("verb" in roles and "we" in (words.lowered or "")):
        return True
    return "stem" in roles and "claim" in roles


def _worth_reading(
    sentences: Sequence[tuple[int, int]],
    links: Sequence[Mention],
    claims: list[tuple[int, int]] | None,
) -> Iterable[int]:
    """Indexes, in order, of the sentences that meet a link or may claim (_may_claim).

    Every sentence _may_claim passes holds a CLAIM_KEYS key, masked, which rules out most
    sentences. ``claims`` are the keys found in the unmasked text: a sentence no link meets
    reads the same either way, and one a link meets ("#" is a key) is always read. With
    CASE_TWINS in the text (``claims`` None) every sentence is read.
    """
    if claims is None:
        return range(len(sentences))
    starts = [start for start, _ in sentences]
    found = set()
    for link in links:
        i = max(0, bisect_right(starts, link.start) - 1)
        while i < len(sentences) and sentences[i][0] < link.end:
            if link.start < sentences[i][1]:
                found.add(i)
            i += 1
    low = high = 0
    for start, end in claims:
        if low <= start and end <= high:
            continue  # in the sentence found last
        i = bisect_right(starts, start) - 1
        if i >= 0 and end <= sentences[i][1]:
            found.add(i)
            low, high = sentences[i]
    return sorted(found)


def _kind_in_context(mention: Mention, sentence: str) -> None:
    """Zenodo and friends hold software too: say "code" when the sentence speaks only of code."""
    if mention.attrs["kind"] != DATA or url_host(mention.attrs["url"]) in HF_HOSTS:
        return
    if ARTIFACT_RE.search(sentence) and not DATA_WORD.search(sentence):
        mention.attrs["kind"] = CODE_KIND


def _sentences(document: Document) -> list[tuple[int, int]]:
    """Sentence offsets, with a sentence that runs from the title into the abstract cut in two."""
    spans = document.sentences()
    cut = document.title_end
    i = bisect_left(spans, cut, key=itemgetter(0)) - 1  # the last sentence starting before it
    if i < 0 or spans[i][1] <= cut:
        return spans  # (spaCy sentences are never empty)
    start, end = spans[i]
    halves = [(start, cut)] + ([(cut + 2, end)] if cut + 2 < end else [])
    return spans[:i] + halves + spans[i + 1 :]


def _scan(text: str, lowered: str) -> tuple[list[tuple[int, int]], LinkKeys]:
    """``(start, end)`` of each CLAIM_KEYS key in ``lowered`` (``text`` lower-cased), and the
    text's LinkKeys, from one pass."""
    claims, found = [], []
    for index, start, end in _DOC_FINDER.find_matches_as_indexes(lowered, overlapping=True):
        if index < len(CLAIM_KEYS):
            claims.append((start, end))
        else:
            found.append((_LINK_KINDS[index - len(CLAIM_KEYS)], start))
    return claims, link_keys(text, lowered, found)


def available_sentence(sentence: str, url_kinds: Sequence[str] = ()) -> bool:
    """Whether a sentence (URLs masked) says code, models or an implementation are released."""
    return _available(sentence, url_kinds, _read(sentence))


def _available(sentence: str, url_kinds: Sequence[str], words: _Words) -> bool:
    if CODE_KIND in url_kinds:
        return True
    # A negation refuses any claim; tested last, as few sentences get that far.
    return _claims(sentence, url_kinds, words) and not NEGATION.search(sentence)


def _claims(sentence: str, url_kinds: Sequence[str], words: _Words) -> bool:
    """:func:`available_sentence` but for a negation.

    Each pattern runs only where it can match: the artifact patterns where an "artifact" word
    starts, the others if their words are there (see SENTENCE_WORDS).
    """
    starts, roles = words.starts, words.roles
    if url_kinds and _found_at(ARTIFACT_RE, sentence, starts) and not _data_only(sentence):
        return True
    is_available = "is_available" in roles and _found_at(ARTIFACT_IS_AVAILABLE, sentence, starts)
    if is_available or (
        "available_at" in roles and _found_at(ARTIFACT_AVAILABLE_AT, sentence, starts)
    ):
        return not _data_only(sentence)
    if "make" in roles and WE_MAKE_AVAILABLE.search(sentence):
        return True
    if "release" in roles and _releases(sentence, WE_RELEASE, ARTIFACT):
        return True
    if "provide" in roles and _releases(sentence, WE_PROVIDE, STRONG_ARTIFACT):
        return True
    self_open = "open" in roles and OPEN_SOURCE_SELF.search(sentence)
    return bool(self_open and not DATA_OBJECT.match(self_open.group("head").strip()))


def _found_at(pattern: re.Pattern[str], text: str, starts: list[int] | None) -> bool:
    """``pattern.search(text)``, tried only at ``starts`` (or everywhere if None)."""
    if starts is None:
        return pattern.search(text) is not None
    return any(pattern.match(text, start) for start in starts)


def _releases(sentence: str, verb: re.Pattern[str], artifact: str) -> bool:
    """Whether the object of ``verb`` names an artifact: "we release the data, code and models"."""
    for match in verb.finditer(sentence):
        end = OBJECT_END.search(sentence, match.end())
        obj = sentence[match.end() : end.start() if end else len(sentence)]
        for found in re.finditer(artifact, obj, re.IGNORECASE):
            if not _DESCRIBED.search(obj[: found.start()]):
                return True
    return False


def _data_only(sentence: str) -> bool:
    """Data is what is released, and no code-like artifact is: "the dataset is available"."""
    artifacts = ARTIFACT_RE.findall(sentence)
    return bool(DATA_OBJECT.search(sentence)) and all(
        re.fullmatch(r"pipelines?|repositor(?:y|ies)|repos?", a, re.I) for a in artifacts
    )


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each span replaced by "#", so URL paths are not read as words."""
    pieces: list[str] = []
    done = 0
    for start, end in sorted(spans):
        start = max(start, done)  # spans may overlap
        if start < end:
            pieces += (text[done:start], "#" * (end - start))
            done = end
    pieces.append(text[done:])
    return "".join(pieces)

"""Code links: every URL in the text, url-less code locations, and the "code is available" claim.

Abstracts write links messily: LaTeX ``\\url{…}`` and ``\\href{URL}{text}``, Markdown
``[text](URL)``, a host split by a space ("https://github. com/x/y"), scheme-less
``github.com/x/y`` and ``www.…``, trailing sentence punctuation and brackets. URLs are found on
the raw text (so offsets point at the URL as written), then cleaned by :func:`normalise_url` and
typed by :func:`classify_url` into the guideline's kinds: code, project, data, video, other.

The availability claim follows the annotation guideline: code, models or an implementation are,
or will be, publicly available. A release of data alone does not count ("we release a new
dataset"), nor does data or a model someone else made public ("publicly available datasets").
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from typing import NamedTuple
from urllib.parse import urlsplit, urlunsplit

import ahocorasick_rs

from extractors.base import CODE, CODE_AVAILABLE, Document, Mention

CODE_KIND, PROJECT, DATA, VIDEO, OTHER = "code", "project", "data", "video", "other"

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
TLDS = (
    *("com", "org", "net", "io", "ai", "co", "edu", "gov", "science", "dev", "app", "me", "cn"),
    *("de", "uk", "fr", "jp", "info", "page", "tech"),
)
_TLD = rf"(?:{'|'.join(TLDS)})"
# A host; a space may split the dot before a common TLD when a path follows ("github. com/").
_HOST = rf"(?:(?:{_LABEL}\.)*{_LABEL}\s?\.\s?{_TLD}(?=[/:])|(?:{_LABEL}\.)+{_LABEL})"
# Path characters, LaTeX escapes ("\_") included; brackets, braces, quotes and "$" end a URL.
_PATH = r"(?:[/?#](?:[^\s<>\"{}|\\^`\[\]$]|\\[_%#&~])*)?"

# "https://github.com/a/b", "HTTP://x.org", "https://github. com/a/b"; not "arXiv:2401.01234".
SCHEME_URL = re.compile(rf"\b(?:https?|ftp)://\s?{_HOST}(?::\d{{2,5}})?{_PATH}", re.IGNORECASE)
# "github.com/a/b", "www.lab.org", "hf.co/datasets/x"; not "e.g.", "Be.FM-1.5", "me@lab.org".
BARE_URL = re.compile(
    rf"(?<![\w@./:\\-])(?:www\.{_HOST}|(?:{_LABEL}\.)*{_LABEL}\s?\.\s?{_TLD}(?=/)){_PATH}",
    re.IGNORECASE,
)
# A lone lower-case domain after "at", "see" or ":": "at openthoughts.ai", "(lab.org)";
# not "ASP.NET", "Node.js", "at Socket.IO".
BARE_HOST = re.compile(
    rf"(?:\b(?:at|on|via|see|visit|from)\s+|:\s*|\()(?P<url>(?:[a-z0-9-]+\.)+{_TLD})\b(?![./@-]\w)"
)
# What BARE_URL and BARE_HOST need, so they are tried only where those are (_link_matches).
# BARE_URL needs "www." or TLD_SLASH (on lower-cased text): matches the ".com/" of
# "github.com/x", not "e.g."; BARE_HOST needs TLD_WORD: matches ".org" of "lab.org", not ".NET".
TLD_SLASH = re.compile(rf"\.\s?{_TLD}/")
TLD_WORD = re.compile(rf"\.{_TLD}\b")
# The characters of a host before its TLD: letters, digits, "-" and "." (BARE_HOST's are lower).
HOST_CHARS = string.ascii_letters + string.digits + "-."
LOWER_HOST_CHARS = string.ascii_lowercase + string.digits + "-."
# The words BARE_HOST accepts before a domain, as its pattern spells them.
HOST_CUES = ("at", "on", "via", "see", "visit", "from")
# Trailing characters that end a sentence rather than a URL: "…/repo)." -> "…/repo"; not "/a_b".
TRAILING_PUNCT = re.compile(r"[.,;:!?'\"*\u2019\u201d\u2026]+$")
# A LaTeX escape inside a URL: "\_" in "a\_b"; not the "/" of "a/b".
LATEX_ESCAPE = re.compile(r"\\([_%#&~])")
# A URL wrapped in LaTeX: "\url{https://x.org}.", "\href{URL}{text}"; not "https://x.org".
LATEX_URL = re.compile(r"\\(?:url|href)\{([^}]*)\}.*", re.S)
# A URL that names its scheme (at its start): "https://x.org", "FTP://x"; not "x.org/a".
HAS_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://", re.I)

# Hosts whose owner/repo paths are source repositories.
CODE_HOSTS = frozenset(
    {"github.com", "gitlab.com", "bitbucket.org", "gitee.com", "codeberg.org", "sourceforge.net"}
)
HF_HOSTS = frozenset({"huggingface.co", "hf.co"})
VIDEO_HOSTS = frozenset({"youtube.com", "youtu.be", "m.youtube.com", "vimeo.com", "bilibili.com"})
DATA_HOSTS = frozenset(
    {
        "zenodo.org",
        "figshare.com",
        "osf.io",
        "datadryad.org",
        "dataverse.harvard.edu",
        "data.mendeley.com",
        "physionet.org",
        "openml.org",
    }
)
PROJECT_SUFFIXES = (".github.io", ".gitlab.io", ".readthedocs.io", ".pages.dev", ".netlify.app")
OTHER_HOSTS = frozenset(
    {"arxiv.org", "doi.org", "dx.doi.org", "aka.ms", "bit.ly", "openreview.net", "codabench.org"}
    | {"codalab.org", "competitions.codalab.org", "eval.ai", "paperswithcode.com"}
)
# DOI prefixes of data repositories: Zenodo, Mendeley Data, figshare, Dryad, Harvard Dataverse.
DATA_DOI_PREFIXES = ("10.5281/", "10.17632/", "10.6084/", "10.5061/", "10.7910/")
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
# The lower-case literals a document is read for (one Aho-Corasick pass, _scan), by kind.
# Every sentence _may_claim passes holds a "claim" key ("open", a release verb, a claim word;
# an artifact alone claims nothing). SCHEME_URL needs "://", BARE_URL "www." or a TLD and a
# slash ("github. com/" has a space after its dot), TLD_WORD (so BARE_HOST) a dot and a TLD.
DOC_KEYS = {
    "claim": tuple(dict.fromkeys(("open", *WE_VERB_STEMS, *CLAIM_STEMS))),
    "://": ("://",),
    "www.": ("www.",),
    ".tld": tuple(f".{tld}" for tld in TLDS),
    "tld/": tuple(f"{tld}/" for tld in TLDS),
}
_DOC_FINDER = ahocorasick_rs.AhoCorasick([key for keys in DOC_KEYS.values() for key in keys])
_DOC_KINDS = [kind for kind, keys in DOC_KEYS.items() for _ in keys]
_CLAIM_KEY_COUNT = len(DOC_KEYS["claim"])  # the first keys of _DOC_FINDER
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
# The letters IGNORECASE matches to an ASCII letter that str.lower() does not lower to it
# ("İ", "ı", "ſ", the Kelvin sign): with one of them only the patterns themselves can tell.
CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")
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
        lowered = _lower(text)
        keys = None if lowered is None else _scan(text, lowered)
        mentions = list(self._links(text, keys))
        masked = _mask(text, [(m.start, m.end) for m in mentions]) if mentions else text
        for mention in mentions:
            _kind_in_context(mention, masked[slice(*document.sentence_bounds(mention.start))])
        available = None
        sentences = _sentences(document)
        for i in _worth_reading(sentences, mentions, keys):
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

    def _links(self, text: str, keys: _Keys | None) -> Iterator[Mention]:
        seen: set[str] = set()
        for start, end in _find_urls(text, keys):
            url = normalise_url(text[start:end])
            if url in seen:  # "\href{URL}{URL}" and Markdown "[URL](URL)" name one link
                continue
            seen.add(url)
            attrs = {"url": url, "kind": classify_url(url)}
            yield Mention(CODE, text[start:end], start, end, self.name, attrs)

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


def _has_case_twins(text: str) -> bool:
    return not text.isascii() and CASE_TWINS.search(text) is not None


def _lower(text: str) -> str | None:
    """``text`` lower-cased, offset for offset, or None if CASE_TWINS make that unsafe.

    Only "İ" (a twin) lower-cases to two characters, so the offsets of the rest hold.
    """
    return None if _has_case_twins(text) else text.lower()


class _Words(NamedTuple):
    """What :func:`_read` found in a sentence."""

    lowered: str | None  # None: CASE_TWINS, lower-casing is not safe
    roles: set[str]  # the SENTENCE_WORDS roles of the words found (all if lowered is None)
    starts: list[int] | None  # where "artifact" words start (None: anywhere)


def _read(sentence: str) -> _Words:
    lowered = _lower(sentence)
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
    sentences: Sequence[tuple[int, int]], links: Sequence[Mention], keys: _Keys | None
) -> Iterable[int]:
    """Indexes, in order, of the sentences that meet a link or may claim (_may_claim).

    Every sentence _may_claim passes holds a "claim" key (masked: a "#" where it meets a
    link), which rules out most sentences. With CASE_TWINS in the text (``keys`` None) every
    sentence is read.
    """
    if keys is None:
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
    for start, end in keys.claims:
        if low <= start and end <= high:
            continue  # in the sentence found last
        i = bisect_right(starts, start) - 1
        if i >= 0 and end <= sentences[i][1]:
            found.add(i)
            low, high = sentences[i]
    return sorted(found)


def _kind_in_context(mention: Mention, sentence: str) -> None:
    """Zenodo and friends hold software too: say "code" when the sentence speaks only of code."""
    if mention.attrs["kind"] != DATA or _host(urlsplit(mention.attrs["url"]).netloc) in HF_HOSTS:
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


def find_urls(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every URL in ``text``, without trailing punctuation or brackets."""
    lowered = _lower(text)
    return _find_urls(text, None if lowered is None else _scan(text, lowered))


class _Keys(NamedTuple):
    """Where the DOC_KEYS are in a document (see _scan)."""

    claims: list[tuple[int, int]]  # (start, end) of each "claim" key
    schemes: list[int]  # offsets of "://"
    www: list[int]  # offsets of "www." (any case)
    slash_dots: list[int]  # where TLD_SLASH matches the lower-cased text
    word_dots: list[int]  # where TLD_WORD matches the text

    def any_link(self) -> bool:
        return bool(self.schemes or self.www or self.slash_dots or self.word_dots)


def _scan(text: str, lowered: str) -> _Keys:
    """Every DOC_KEYS key in ``lowered`` (``text`` lower-cased), in one pass.

    A TLD_SLASH match is a dot, maybe a space, and a "tld/" key; a TLD_WORD match starts with
    a ".tld" key. Each is checked with its pattern where a key says it can be.
    """
    claims, found = [], []
    for index, start, end in _DOC_FINDER.find_matches_as_indexes(lowered, overlapping=True):
        if index < _CLAIM_KEY_COUNT:
            claims.append((start, end))
        else:
            found.append((_DOC_KINDS[index], start))
    if not found:  # most abstracts: no link
        return _Keys(claims, [], [], [], [])
    slash_dots = {
        dot
        for kind, start in found
        if kind == "tld/"
        for dot in (start - 1, start - 2)
        if dot >= 0 and TLD_SLASH.match(lowered, dot)
    }
    return _Keys(
        claims,
        [start for kind, start in found if kind == "://"],
        [start for kind, start in found if kind == "www."],
        sorted(slash_dots),
        sorted({start for kind, start in found if kind == ".tld" and TLD_WORD.match(text, start)}),
    )


def _find_urls(text: str, keys: _Keys | None) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if keys is not None and not keys.any_link():
        return spans
    for pattern, matches in _link_matches(text, keys):
        group = "url" if "url" in pattern.groupindex else 0
        for match in matches:
            start = match.start(group)
            end = start + len(_trim(match.group(group)))
            if not any(s <= start < e for s, e in spans):
                spans.append((start, end))
    return sorted(spans)


def _link_matches(
    text: str, keys: _Keys | None
) -> Iterator[tuple[re.Pattern[str], Iterable[re.Match[str]]]]:
    """Each link pattern with the matches ``pattern.finditer(text)`` would give.

    A scan tries a pattern at every character, and most abstracts have no link at all. So
    each pattern is tried only where one of its matches can start, found from the keys it
    needs (DOC_KEYS). With CASE_TWINS in the text (``keys`` None) BARE_URL's letters are not
    only ASCII, and it scans.
    """
    if keys is None:
        yield SCHEME_URL, _finditer_at(SCHEME_URL, text, _scheme_starts(_find_all(text, "://")))
        yield BARE_URL, BARE_URL.finditer(text)
        word_dots = [dot.start() for dot in TLD_WORD.finditer(text)]
    else:
        yield SCHEME_URL, _finditer_at(SCHEME_URL, text, _scheme_starts(keys.schemes))
        yield BARE_URL, _finditer_at(BARE_URL, text, _bare_url_starts(text, keys))
        word_dots = keys.word_dots
    yield BARE_HOST, _finditer_at(BARE_HOST, text, _bare_host_starts(text, word_dots))


def _find_all(text: str, key: str) -> Iterator[int]:
    at = text.find(key)
    while at != -1:
        yield at
        at = text.find(key, at + 1)


def _finditer_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only at ``starts`` (every place a match can begin).

    A match at a position sees the text before it (lookbehinds, ``\\b``) as a scan does, and
    none of the link patterns matches an empty string, so this is finditer's answer.
    """
    end = 0
    for start in sorted(set(starts)):
        if start >= end and (match := pattern.match(text, start)):
            end = match.end()
            yield match


def _scheme_starts(schemes: Iterable[int]) -> Iterator[int]:
    """Where "https", "http" or "ftp" would start before each "://" (offsets given)."""
    for at in schemes:
        yield from (start for start in (at - 5, at - 4, at - 3) if start >= 0)


def _bare_url_starts(text: str, keys: _Keys) -> list[int]:
    """Where a BARE_URL match can start: at "www.", or where the host before a TLD_SLASH does.

    Its lookbehind refuses a start after a letter, digit, "-" or ".", so a host starts where
    the run of HOST_CHARS before the TLD's dot (and the one space BARE_URL allows) begins.
    """
    starts = list(keys.www)
    for end in keys.slash_dots:
        if end and text[end - 1].isspace():
            end -= 1
        starts.append(len(text[:end].rstrip(HOST_CHARS)))
    return starts


def _bare_host_starts(text: str, keys: Iterable[int]) -> Iterator[int]:
    """Where a BARE_HOST match can start, given the offsets of its TLD dots.

    The domain is the run of LOWER_HOST_CHARS before a dot; before it come "(", or ":" and
    spaces, or a HOST_CUES word and spaces.
    """
    for key in keys:
        domain = len(text[:key].rstrip(LOWER_HOST_CHARS))
        gap = len(text[:domain].rstrip())
        if domain and text[domain - 1] == "(":
            yield domain - 1
        if gap and text[gap - 1] == ":":
            yield gap - 1
        if gap < domain:
            yield from (gap - len(cue) for cue in HOST_CUES if text.endswith(cue, 0, gap))


def normalise_url(raw: str) -> str:
    """A clean, comparable URL: whitespace, LaTeX and trailing punctuation removed, https added.

    Scheme and host are lower-cased; the path keeps its case. On source-code hosts the link is
    canonical: https, no ``www.``, no trailing ``/`` or ``.git``.
    """
    url = raw.strip().lstrip("('\"<[\u2018\u201c")
    latex = LATEX_URL.fullmatch(url) if url.startswith("\\") else None
    url = "".join((latex.group(1) if latex else url).split())  # str.split() splits at \s
    url = _trim(LATEX_ESCAPE.sub(r"\1", url) if "\\" in url else url)
    if not HAS_SCHEME.match(url):
        url = "https://" + url
    parts = urlsplit(url)
    scheme, host, path = parts.scheme.lower(), parts.netloc.lower(), parts.path
    if host.endswith(":443") or host.endswith(":80"):
        host = host.rsplit(":", 1)[0]
    if host.removeprefix("www.") in CODE_HOSTS:
        scheme, host = "https", host.removeprefix("www.")
        path = re.sub(r"(?:\.git)?/*$", "", path) if not parts.query + parts.fragment else path
    return urlunsplit((scheme, host, path, parts.query, parts.fragment))


def classify_url(url: str) -> str:
    """The guideline's kind of a URL: code, project, data, video or other."""
    parts = urlsplit(normalise_url(url))
    host = _host(parts.netloc)
    segments = [s for s in parts.path.split("/") if s]
    if host in VIDEO_HOSTS:
        return VIDEO
    if host in CODE_HOSTS:
        owner_only = len(segments) < 2 or segments[0] in {"orgs", "users", "topics", "sponsors"}
        return OTHER if owner_only else CODE_KIND
    if host in HF_HOSTS:
        if segments[:1] == ["datasets"]:
            return DATA
        if segments[:1] in (["papers"], ["docs"], ["blog"], ["learn"]) or len(segments) < 2:
            return OTHER
        return CODE_KIND
    return _kind_by_host(host, segments)


def _kind_by_host(host: str, segments: list[str]) -> str:
    """:func:`classify_url` beyond code, model and video hosts."""
    if host in {"doi.org", "dx.doi.org"}:
        return DATA if "/".join(segments).startswith(DATA_DOI_PREFIXES) else OTHER
    if host == "anonymous.4open.science":
        return PROJECT if segments[:1] == ["w"] else CODE_KIND
    if host == "kaggle.com":
        return {"code": CODE_KIND, "datasets": DATA, "competitions": DATA}.get(
            segments[0] if segments else "", OTHER
        )
    if host in {"gist.github.com", "raw.githubusercontent.com", "colab.research.google.com"}:
        return CODE_KIND
    if host in {"pypi.org", "npmjs.com"} and segments[:1] == ["project"]:
        return CODE_KIND
    if host in DATA_HOSTS or any(host.endswith("." + h) for h in DATA_HOSTS):
        return DATA
    if host.endswith(PROJECT_SUFFIXES):
        return PROJECT
    if host in OTHER_HOSTS or re.fullmatch(r"[\d.:]+", host):
        return OTHER
    return PROJECT


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


def _trim(url: str) -> str:
    """Drop trailing sentence punctuation and closing brackets the URL did not open."""
    while True:
        before = url
        url = TRAILING_PUNCT.sub("", url)
        for opener, closer in ("()", "[]", "{}", "<>"):
            if url.endswith(closer) and url.count(closer) > url.count(opener):
                url = url[:-1]
        if url.endswith("\\"):
            url = url[:-1]
        if url == before:
            return url


def _host(netloc: str) -> str:
    """The host of a URL's netloc, without "www." or a port."""
    return netloc.lower().removeprefix("www.").split(":")[0]


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

"""Links in abstracts: where each URL is, a clean form of it, and what kind of thing it is.

Abstracts write links messily: LaTeX ``\\url{…}`` and ``\\href{URL}{text}``, Markdown
``[text](URL)``, a host split by a space ("https://github. com/x/y"), scheme-less
``github.com/x/y`` and ``www.…``, trailing sentence punctuation and brackets. URLs are found on
the raw text (so offsets point at the URL as written), then cleaned by :func:`normalise_url` and
typed by :func:`classify_url` into the guideline's kinds: code, project, data, video, other.

Most abstracts have no link, so the patterns are tried only where the literals they need are
(LINK_KEYS, found in one Aho-Corasick pass over the lower-cased text), never scanned.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from typing import NamedTuple
from urllib.parse import urlsplit, urlunsplit

import ahocorasick_rs

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
# The letters IGNORECASE matches to an ASCII letter that str.lower() does not lower to it
# ("İ", "ı", "ſ", the Kelvin sign): with one of them only the patterns themselves can tell.
CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")
# The lower-case literals the link patterns need (LinkKeys): SCHEME_URL needs "://", BARE_URL
# "www." or a TLD and a slash ("github. com/" has a space after its dot), TLD_WORD (so
# BARE_HOST) a dot and a TLD.
LINK_KEYS = {
    "://": ("://",),
    "www.": ("www.",),
    ".tld": tuple(f".{tld}" for tld in TLDS),
    "tld/": tuple(f"{tld}/" for tld in TLDS),
}
_LINK_FINDER = ahocorasick_rs.AhoCorasick([key for keys in LINK_KEYS.values() for key in keys])
_LINK_KINDS = [kind for kind, keys in LINK_KEYS.items() for _ in keys]


def find_urls(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every URL in ``text``, without trailing punctuation or brackets."""
    return link_spans(text, scan_links(text))


def lower_or_none(text: str) -> str | None:
    """``text`` lower-cased, offset for offset, or None if CASE_TWINS make that unsafe.

    Only "İ" (a twin) lower-cases to two characters, so the offsets of the rest hold.
    """
    return None if not text.isascii() and CASE_TWINS.search(text) else text.lower()


class LinkKeys(NamedTuple):
    """Where the LINK_KEYS are in a text, each TLD key checked with its pattern."""

    schemes: list[int]  # offsets of "://"
    www: list[int]  # offsets of "www." (any case)
    slash_dots: list[int]  # where TLD_SLASH matches the lower-cased text
    word_dots: list[int]  # where TLD_WORD matches the text

    def any(self) -> bool:
        return bool(self.schemes or self.www or self.slash_dots or self.word_dots)


def scan_links(text: str) -> LinkKeys | None:
    """The LinkKeys of ``text`` (None if it holds CASE_TWINS)."""
    lowered = lower_or_none(text)
    if lowered is None:
        return None
    hits = _LINK_FINDER.find_matches_as_indexes(lowered, overlapping=True)
    return link_keys(text, lowered, [(_LINK_KINDS[index], start) for index, start, _ in hits])


def link_keys(text: str, lowered: str, found: list[tuple[str, int]]) -> LinkKeys:
    """The LinkKeys from ``(kind, start)`` of each LINK_KEYS key found in ``lowered``.

    A TLD_SLASH match is a dot, maybe a space, and a "tld/" key; a TLD_WORD match starts with
    a ".tld" key. Each is checked with its pattern where a key says it can be.
    """
    if not found:  # most abstracts: no link
        return LinkKeys([], [], [], [])
    slash_dots = {
        dot
        for kind, start in found
        if kind == "tld/"
        for dot in (start - 1, start - 2)
        if dot >= 0 and TLD_SLASH.match(lowered, dot)
    }
    return LinkKeys(
        [start for kind, start in found if kind == "://"],
        [start for kind, start in found if kind == "www."],
        sorted(slash_dots),
        sorted({start for kind, start in found if kind == ".tld" and TLD_WORD.match(text, start)}),
    )


def link_spans(text: str, keys: LinkKeys | None) -> list[tuple[int, int]]:
    """:func:`find_urls` given the text's LinkKeys (None if it holds CASE_TWINS)."""
    spans: list[tuple[int, int]] = []
    if keys is not None and not keys.any():
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
    text: str, keys: LinkKeys | None
) -> Iterator[tuple[re.Pattern[str], Iterable[re.Match[str]]]]:
    """Each link pattern with the matches ``pattern.finditer(text)`` would give.

    A scan tries a pattern at every character, and most abstracts have no link at all. So
    each pattern is tried only where one of its matches can start, found from the keys it
    needs (LINK_KEYS). With CASE_TWINS in the text (``keys`` None) BARE_URL's letters are not
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


def _bare_url_starts(text: str, keys: LinkKeys) -> list[int]:
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


# The end of a code-host path that is not part of the repository's name: "/", ".git", and the
# dots around it ("FastNet..git" -> "FastNet", "FastNet.git/" -> "FastNet"; "socket.io" stays).
CODE_PATH_END = re.compile(r"[./]*(?:\.git)?[./]*$")


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
        if not parts.query + parts.fragment:
            path = CODE_PATH_END.sub("", path)
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


def url_host(url: str) -> str:
    """The host of a URL, without "www." or a port."""
    return _host(urlsplit(url).netloc)

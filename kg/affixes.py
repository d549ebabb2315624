"""Shortcuts around spaCy's English affix searches, for the chunks whose answer is plain.

spaCy's tokenizer caches how it split each whitespace-delimited chunk; a chunk it has not seen
goes through four regular expressions, each a long alternation of spaCy's English rules: a
prefix search, a suffix search (tried at every position of the chunk), an infix search and the
URL pattern. On abstracts of new papers that was half the tokenizer's time, and most of those
chunks are plain words, a word and a closing mark ("models,", "CSPNet.", "paper's"), a
hyphenated word or a number, on which the rules' answer can be read off the chunk's shape.
:func:`install` puts a test in front of each search that answers for such chunks, and otherwise
asks spaCy's own expression, so the tokens are the ones spaCy would give. Why each answer is
spaCy's, from its English rules (``spacy.lang.punctuation``,
``spacy.lang.tokenizer_exceptions.URL_PATTERN``):

- prefix: every prefix rule begins with punctuation, a quote, a symbol, ``+``, ``...`` or a
  currency sign; the only signs that begin with an ASCII letter are "US$", "C$" and "A$". So a
  chunk that begins with an ASCII letter or digit, not followed by ``$`` or "S$", has none.
- suffix: every suffix rule ends in punctuation, a quote, a symbol, ``+``, ``.``, ``'s``, a
  currency sign or a unit right after a digit ("10km", "5M"); none ends in an ASCII digit. So
  a chunk that ends in a digit has no suffix, nor has a chunk of letters and hyphens (no
  digit, so no unit) that ends in a letter. The only rules ending in ``,;:)]}!?`` are those
  marks alone, and in ``s`` or ``S`` only ``'s`` (and ``’s``, ``'S``, ``’S``): a plain word
  followed by one such mark (or by a closing bracket and one), or by ``'s``, has that mark as
  its suffix. A final ``.`` is a suffix after a lower-case letter, a digit, a closing bracket
  or two capitals (no rule ending in ``.`` but ``\\.\\.+`` takes more than the stop); and
  ``%`` after a number is one (a unit; no rule ending in ``%`` takes more).
- infix: every infix rule needs ``.``, ``,``, a hyphen or dash, ``:<>=/~+*^`` or a symbol
  inside the chunk; a chunk of ASCII letters and digits has none. In a chunk of such runs
  joined by single hyphens, only the hyphen rules can match: a hyphen before a letter
  ("state-of-the-art", "8-bit"), or between two digits ("3-4"); not a letter's hyphen before a
  digit ("ResNet-50"). A number with one decimal point ("0.5") has none (a point is an infix
  only between a lower-case letter or quote and a capital or quote).
- URL: the pattern needs a ``.``, and then a top-level domain of two letters or more, or an
  IP address of four numbers: a number with one decimal point is not one.

``tests/test_affixes.py`` checks each answer against spaCy's own on random chunks built from the
characters these rules turn on, and the tokens of both corpora.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokenizer import Tokenizer

Search = Callable[[str], Any]

# No prefix: matches "models,", "2024", "(" never; must not match "US$5", "C$5", "(CNN)".
NO_PREFIX = re.compile(r"(?!US\$)[A-Za-z0-9](?!\$)").match
# No suffix: matches "ResNet50", "0.5", "Transformer"; must not match "10km", "models,".
NO_SUFFIX = re.compile(r"(?s:.)*[0-9]|[A-Za-z-]*[A-Za-z]").fullmatch
# One suffix, in the group that matched: "models," (","), "CNN)," (","), "CSPNet." ("."),
# "CNN." ("."), "(ours)." ("." after ")"), "paper's" ("'s"), "55.6%" ("%"); must not match
# "A." (one capital: no rule), "x-." (a hyphen before the stop), "10km" (a unit),
# "e.g.," (a stop inside).
ONE_SUFFIX = re.compile(
    r"[A-Za-z0-9-]*(?:[A-Za-z0-9][)\]}]?([,;:)\]}!?])"
    r"|(?:[a-z0-9]|[A-Z][A-Z]|[A-Za-z0-9][)\]}])(\.)"
    r"|[A-Za-z0-9](['’][sS]))"
    r"|[0-9]+(?:\.[0-9]+)?(%)"
).fullmatch
# The rest of a chunk from a position on, as a match (spaCy reads a suffix's start and end).
REST = re.compile(".+", re.S).match
# No infix: matches "CSPNet", "0.5"; must not match "self-attention", "e.g", "a/b".
NO_INFIX = re.compile(r"[A-Za-z0-9]+|[0-9]+\.[0-9]+").fullmatch
# Runs of letters and digits joined by single hyphens: matches "state-of-the-art", "ResNet-50";
# must not match "a--b", "-x", "x-" (a hyphen at an end or beside a dash).
HYPHENATED = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+").fullmatch
# spaCy's hyphen infixes in such a chunk: matches the "-" of "self-attention", "8-bit", "3-4";
# must not match the "-" of "ResNet-50".
HYPHEN_INFIX = re.compile(r"-(?=[A-Za-z])|(?<=[0-9])-(?=[0-9])").finditer
# A number with one decimal point: matches "0.5", "55.6"; must not match "1.2.3.4", "v0.5".
DECIMAL = re.compile(r"[0-9]+\.[0-9]+").fullmatch
NOTHING: tuple[()] = ()


def install(tokenizer: Tokenizer) -> None:
    """Wrap ``tokenizer``'s prefix, suffix, infix and URL searches in the shortcuts above.

    Setting the searches empties spaCy's cache of split chunks; call this before tokenizing.
    """
    tokenizer.prefix_search = _shortcut_prefix(tokenizer.prefix_search)
    tokenizer.suffix_search = _shortcut_suffix(tokenizer.suffix_search)
    tokenizer.infix_finditer = _shortcut_infix(tokenizer.infix_finditer)
    tokenizer.url_match = _shortcut_url(tokenizer.url_match)


def _shortcut_prefix(search: Search | None) -> Search | None:
    if search is None:
        return None

    def shortcut(chunk: str) -> Any:
        return None if NO_PREFIX(chunk) else search(chunk)

    return shortcut


def _shortcut_suffix(search: Search | None) -> Search | None:
    if search is None:
        return None

    def shortcut(chunk: str) -> Any:
        if NO_SUFFIX(chunk):
            return None
        one = ONE_SUFFIX(chunk)
        if one is not None:
            return REST(chunk, one.start(one.lastindex))  # type: ignore[arg-type]
        return search(chunk)

    return shortcut


def _shortcut_infix(finditer: Callable[[str], Iterable] | None) -> Any:
    if finditer is None:
        return None

    def shortcut(chunk: str) -> Iterable:
        if NO_INFIX(chunk):
            return NOTHING
        if HYPHENATED(chunk):
            return HYPHEN_INFIX(chunk)
        return finditer(chunk)

    return shortcut


def _shortcut_url(match: Search | None) -> Search | None:
    if match is None:
        return None

    def shortcut(chunk: str) -> Any:
        return match(chunk) if "." in chunk and not DECIMAL(chunk) else None

    return shortcut

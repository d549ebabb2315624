"""Shortcuts around spaCy's English affix searches, for the chunks no affix rule can match.

spaCy's tokenizer caches how it split each whitespace-delimited chunk; a chunk it has not seen
goes through four regular expressions, each a long alternation of spaCy's English rules: a
prefix search, a suffix search (tried at every position of the chunk), an infix search and the
URL pattern. On abstracts of new papers that is half the tokenizer's time, and most of those
chunks are plain words on which no rule can match. :func:`install` puts a test in front of each
search that answers "no match" for such chunks, and otherwise asks spaCy's own expression, so
the tokens are the ones spaCy would give. Why each test is safe, from spaCy's English rules
(``spacy.lang.punctuation``, ``spacy.lang.tokenizer_exceptions.URL_PATTERN``):

- prefix: every prefix rule begins with punctuation, a quote, a symbol, ``+``, ``...`` or a
  currency sign ("US$", "C$" and "A$" hold a ``$``), never with an ASCII letter or digit; so a
  chunk of ASCII letters, digits and hyphens that begins with a letter or digit has no prefix.
- suffix: every suffix rule ends in punctuation, a quote, a symbol, ``+``, ``.``, ``'s``, a
  currency sign or a unit right after a digit ("10km", "5M"); none ends in an ASCII digit. So
  a chunk of letters, digits and hyphens that ends in a digit has no suffix, nor has a chunk of
  letters and hyphens (no digit, so no unit) that ends in a letter.
- infix: every infix rule needs ``.``, ``,``, a hyphen or dash, ``:<>=/~+*^`` or a symbol
  inside the chunk; a chunk of ASCII letters and digits only has none.
- URL: the pattern needs a ``.`` (a host name's last dot or an IP address).

``tests/test_affixes.py`` checks the tokens against spaCy's own on both corpora and on random
chunks built from the characters these rules turn on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokenizer import Tokenizer

Search = Callable[[str], Any]

NO_PREFIX = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*").fullmatch
NO_SUFFIX = re.compile(r"[A-Za-z0-9-]*[0-9]|[A-Za-z-]*[A-Za-z]").fullmatch
NO_INFIX = re.compile(r"[A-Za-z0-9]+").fullmatch
NOTHING: tuple[()] = ()


def install(tokenizer: Tokenizer) -> None:
    """Wrap ``tokenizer``'s prefix, suffix, infix and URL searches in the shortcuts above.

    Setting the searches empties spaCy's cache of split chunks; call this before tokenizing.
    """
    tokenizer.prefix_search = _shortcut(NO_PREFIX, tokenizer.prefix_search)
    tokenizer.suffix_search = _shortcut(NO_SUFFIX, tokenizer.suffix_search)
    tokenizer.infix_finditer = _shortcut_iter(NO_INFIX, tokenizer.infix_finditer)
    tokenizer.url_match = _shortcut_url(tokenizer.url_match)


def _shortcut(cannot_match: Search, search: Search | None) -> Search | None:
    if search is None:
        return None

    def shortcut(chunk: str) -> Any:
        return None if cannot_match(chunk) else search(chunk)

    return shortcut


def _shortcut_iter(cannot_match: Search, finditer: Callable[[str], Iterable] | None) -> Any:
    if finditer is None:
        return None

    def shortcut(chunk: str) -> Iterable:
        return NOTHING if cannot_match(chunk) else finditer(chunk)

    return shortcut


def _shortcut_url(match: Search | None) -> Search | None:
    if match is None:
        return None

    def shortcut(chunk: str) -> Any:
        return match(chunk) if "." in chunk else None

    return shortcut

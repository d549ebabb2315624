"""Abbreviation definitions: "Cross Stage Partial Network (CSPNet)" and "CSPNet (Cross ...)".

The algorithm is Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation
definitions in biomedical text", Pacific Symposium on Biocomputing 8:451-462: a short form
in parentheses is paired with the shortest stretch of the preceding words (at most
``min(len(SF) + 5, 2 * len(SF))`` words) in which every letter or digit of the short form
occurs in order, reading both right to left, and whose first word starts with the short
form's first character. The reverse order "SF (long form)" is tried when the parentheses
hold several words.

ML papers coin short forms more freely than biomedical ones ("Heterogeneous Graph Diffusion
Model (DiffGraph)"), so a relaxed rule follows when the strict one fails: a run of at least
two capitalised words right before the parenthesis whose initials include two of the short
form's capitals. Such pairs carry ``attrs["strict"] = False``.

The mention spans the short form; ``attrs`` hold ``long_form``, ``long_start``, ``long_end``
(offsets into the document text). This extractor runs first; later ones read its output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from extractors.base import ABBREVIATION, Document, Mention

# A parenthesised stretch: "(CSPNet)", "(Cross Stage Partial Network)"; must not match "(a (b) c"
# as one stretch (no nested parentheses).
PARENS = re.compile(r"\(([^()\n]{1,150})\)")

# A short-form candidate: 2-10 characters with a capital letter, at most two words: "CSPNet",
# "D-DARTS", "GNNs"; must not match "e.g." or "see below" (no capital).
SHORT_FORM = re.compile(r"^(?=[^ ]*[A-Z])[A-Za-z0-9][\w\-+./&’']{1,9}(?: [\w\-]{1,6})?$")

# The word right before a parenthesis, for the "SF (long form)" order: "CSPNet (" -> "CSPNet";
# must not match across a comma ("X, (").
WORD_BEFORE = re.compile(r"([A-Za-z0-9][\w\-+]{1,11})\s*$")

# A mark after which a clause starts, so a long form never reaches across it: a bracket, a
# quote, or (followed by whitespace: CLAUSE_PUNCT) ". ", "; ", ": ", "! ", "? ". Matches the "."
# of "slow. Memory"; must not match the hyphen in "long-range". One character, so the regex
# engine skips to it at once instead of trying a pattern at every offset.
CLAUSE_MARK = re.compile(r"[.;:!?\[\]()\"“”]")
CLAUSE_PUNCT = frozenset(".;:!?")

# Where the first item of a parenthesis ends: matches the ", " of "(CSPNet, 2020)"; must not
# match the comma of "(1,000)".
ITEM_BREAK = re.compile(r"[;,]\s")

# A run of capitalised words (with small connectors) ending right before "(": "Hierarchical Edge
# Module " in "a Hierarchical Edge Module (HEM)"; must not match "the module (HEM)".
CAPITALISED_RUN = re.compile(
    r"((?:[A-Z][\w\-’']*|[0-9][\w\-]*)(?:\s+(?:(?:of|for|with|and|in|on|to|via|the|a)\s+)?"
    r"(?:[A-Z][\w\-’']*|[0-9][\w\-]*)){1,7})\s*$"
)

# Characters whose lower case is not one character of their own: "İ" lowers to two, "Σ" to "ς"
# or "σ" by context. Matches "İstanbul"; must not match "Straße". Where one occurs, a string
# lowered at once does not line up with its characters lowered one at a time.
CONTEXT_LOWER = re.compile("[\u0130\u03a3]")

# Content that cannot be a long form: years, citations, numbers, "e.g." asides.
NOT_LONG_FORM = re.compile(r"^(?:e\.g\.|i\.e\.|see |cf\.|\d|[^A-Za-z]*$)|et al\.|\d{4}")


class AbbreviationExtractor:
    """Schwartz & Hearst abbreviation definitions, short form first or long form first."""

    name = "abbreviations"
    labels = (ABBREVIATION,)

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterator[Mention]:
        text = document.text
        for match in PARENS.finditer(text):
            inner = match.group(1)
            first = inner.strip()
            if "," in first or ";" in first:
                first = ITEM_BREAK.split(first, maxsplit=1)[0].strip()
            if SHORT_FORM.match(first):
                mention = self._long_first(
                    text, match.start(), first, match.start(1) + inner.index(first)
                )
            elif len(first.split()) >= 2 and not NOT_LONG_FORM.search(first):
                mention = self._short_first(
                    text, match.start(), first, match.start(1) + inner.index(first)
                )
            else:
                continue
            if mention is not None:
                yield mention

    def _long_first(self, text: str, paren: int, short: str, short_start: int) -> Mention | None:
        """ "Cross Stage Partial Network (CSPNet)": find the long form before the parenthesis."""
        before = text[_clause_start(text, paren) : paren]
        window = _last_words(before, min(len(short) + 5, 2 * len(short)))
        if window is None:
            return None
        offset = paren - len(before)
        cand_start = offset + window
        candidate = text[cand_start:paren].rstrip()
        start = best_long_form(short, candidate)
        strict = start is not None
        if start is None:
            run = CAPITALISED_RUN.search(before)
            if run is None or not _initials_overlap(short, run.group(1)):
                return None
            long_start = offset + run.start(1)
        else:
            long_start = cand_start + start
        long_form = text[long_start:paren].rstrip()
        return _mention(short, short_start, long_form, long_start, strict)

    def _short_first(self, text: str, paren: int, inner: str, inner_start: int) -> Mention | None:
        """ "CSPNet (Cross Stage Partial Network)": the word before is the short form."""
        # WORD_BEFORE's word is at most 12 characters and only whitespace follows it, so it
        # starts no earlier than 12 before the last non-space: search from there, not from 0
        # (a "$"-anchored search tries every start position).
        last = paren
        while last > 0 and text[last - 1].isspace():
            last -= 1
        word = WORD_BEFORE.search(text, max(0, last - 12), paren)
        if word is None or not SHORT_FORM.match(word.group(1)):
            return None
        short = word.group(1)
        if len(short) >= len(inner) or not any(c.isupper() for c in short):
            return None
        start = best_long_form(short, inner)
        if start is None or start > len(inner.split()[0]):  # must start in the first word
            return None
        return _mention(short, word.start(1), inner, inner_start, True)


# A digit between letters that stands for a word: the "2" of "T2I" (text-to-image), "I2V", the
# "4" of "P4P"; not the "2" of "VGG2" or "2D".
NUMBER_WORD = re.compile(r"(?<=[A-Za-z])[24](?=[A-Za-z])")
NUMBER_INITIALS = {"2": "t", "4": "f"}  # "to", "for"


def best_long_form(short: str, long: str) -> int | None:
    """Schwartz & Hearst's matching: where in ``long`` the long form starts, or None. A digit
    standing for "to" or "for" matches that word's initial when the digit itself does not.

    >>> best_long_form("CSPNet", "using the Cross Stage Partial Network")
    10
    >>> best_long_form("T2I", "multi-object text-to-image")
    13
    """
    found = _best_long_form(short, long)
    if found is None and NUMBER_WORD.search(short):
        spelled = NUMBER_WORD.sub(lambda m: NUMBER_INITIALS[m.group()], short)
        found = _best_long_form(spelled, long)
    return found


def _best_long_form(short: str, long: str) -> int | None:
    if _lowers_by_context(short) or _lowers_by_context(long):
        return _best_long_form_by_char(short, long)
    lowered = long.lower()  # one character per character of ``long`` (see CONTEXT_LOWER)
    l_index = len(long) - 1
    for s_index in range(len(short) - 1, -1, -1):
        char = short[s_index].lower()
        if not char.isalnum():
            continue
        l_index = lowered.rfind(char, 0, l_index + 1)
        # the short form's first character must start a word of the long form
        while s_index == 0 and l_index > 0 and long[l_index - 1].isalnum():
            l_index = lowered.rfind(char, 0, l_index)
        if l_index < 0:
            return None
        l_index -= 1
    return _word_start(short, long, l_index + 1)


def _lowers_by_context(text: str) -> bool:
    return not text.isascii() and CONTEXT_LOWER.search(text) is not None


def _best_long_form_by_char(short: str, long: str) -> int | None:
    """:func:`best_long_form` lowering one character at a time (Schwartz & Hearst's loop)."""
    s_index = len(short) - 1
    l_index = len(long) - 1
    while s_index >= 0:
        char = short[s_index].lower()
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            long[l_index].lower() != char
            or (s_index == 0 and l_index > 0 and long[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    return _word_start(short, long, l_index + 1)


def _word_start(short: str, long: str, start: int) -> int | None:
    """The start of the word of ``long`` holding ``start``, if what follows is long enough."""
    # the long form starts at the beginning of the word holding the first match
    while start > 0 and not long[start - 1].isspace():
        start -= 1
    if len(long[start:].strip()) <= len(short):  # also when nothing follows
        return None
    return start


def _clause_start(text: str, paren: int) -> int:
    """Where the clause that ends at the parenthesis starts: after the last CLAUSE_MARK before
    it, at most 200 characters back. Searched in those characters reversed (``backwards[j]``
    is ``text[paren - 1 - j]``), so the first mark found is the last one."""
    window_start = max(0, paren - 200)
    backwards = text[window_start:paren][::-1]
    at = 0
    while (mark := CLAUSE_MARK.search(backwards, at)) is not None:
        j = mark.start()
        if backwards[j] not in CLAUSE_PUNCT:
            return paren - j
        if j > 0 and backwards[j - 1].isspace():  # whitespace after it, before "("
            return paren - j + 1
        at = j + 1
    return window_start


def _last_words(text: str, n: int) -> int | None:
    """Where the last ``n`` whitespace-separated words of ``text`` start (None: no word)."""
    parts = text.rsplit(None, n)  # the last n words, after all earlier ones as one part
    if len(parts) <= n:
        return None if not parts else len(text) - len(text.lstrip())
    return len(text) - len(text[len(parts[0]) :].lstrip())


def _initials_overlap(short: str, run: str) -> bool:
    """Two of the short form's capitals are initials of words in the run (relaxed pairing)."""
    initials = {w[0] for w in re.split(r"[\s\-]+", run) if w}
    capitals = [c for c in short if c.isupper()]
    hits = sum(1 for c in set(capitals) if c in initials)
    return len(run.split()) >= 2 and hits >= 2 and short[0].upper() in initials


def _mention(short: str, start: int, long_form: str, long_start: int, strict: bool) -> Mention:
    return Mention(
        label=ABBREVIATION,
        text=short,
        start=start,
        end=start + len(short),
        extractor=AbbreviationExtractor.name,
        attrs={
            "long_form": long_form,
            "long_start": long_start,
            "long_end": long_start + len(long_form),
            "strict": strict,
        },
    )

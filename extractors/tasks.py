"""Tasks a paper addresses or evaluates on, as lower-case leaderboard-style names.

Two sources: the curated task list (and user lexicons), matched case-insensitively;
and a shape every leaderboard task shares — one to three modifier words before a
task head noun ("object detection", "multi-center PET image synthesis",
"cross-domain sequential recommendation") — taken when a task cue stands near
("task", "for", "on", "tackle", "address").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from extractors.base import DATASET, TASK, Document, Mention
from extractors.lexicon import Lexicon, load_lexicons, usable

HEADS = (r"detection|classification|segmentation|recognition|generation|forecasting|prediction|"
         r"estimation|translation|retrieval|registration|reconstruction|captioning|answering|"
         r"synthesis|tracking|localization|localisation|summarization|inpainting|"
         r"super-resolution|denoising|recommendation|discovery|parsing|modeling|modelling|"
         r"completion|grounding|re-identification|upsampling|editing|matching|verification|"
         r"clustering|hashing|spotting|understanding|personalization|adaptation")
# Words that modify a task head but are not part of its name.
NOT_MODIFIERS = {
    "a", "an", "the", "for", "of", "in", "on", "and", "or", "with", "to", "by", "as", "from",
    "our", "their", "its", "this", "these", "that", "such", "both", "all", "each", "any",
    "accurate", "efficient", "fast", "robust", "better", "improved", "novel", "new", "existing",
    "effective", "strong", "competitive", "various", "several", "multiple", "different", "many",
    "downstream", "challenging", "standard", "common", "general", "generic", "traditional",
    "conventional", "state-of-the-art", "end-to-end", "large-scale", "high-quality", "reliable",
    "precise", "superior", "faster", "scalable", "simple", "is", "are",
    "was", "were", "be", "been", "improve", "improves", "improving", "achieve", "achieves",
    "enable", "enables", "perform", "performs", "using", "based", "via", "at", "into", "while",
    "we", "it", "can", "which", "where", "when", "than", "more", "most", "less", "also",
    "significant", "significantly", "performance", "task", "tasks", "model", "models", "method",
}
# One to three lower-case (or acronym) modifiers and a head: "object detection",
# "PET image synthesis"; not "the detection" (no modifier) or "Detection" (capitalised head).
TASK_SHAPE = re.compile(
    rf"(?<![\w'’\-])((?:(?:[a-z][a-z0-9\-]*|[A-Z]{{2,5}})\s){{1,3}}(?:{HEADS}))\b")
# A leading word that describes rather than names: "including", "designing", "enhanced",
# "newly", "broader"; not "image", "multi-organ" or "click-through".
DESCRIBING = re.compile(r"^(?:[a-z\-]+(?:ed|ing|ly)|[a-z]{1,2}|(?:[a-z]+-)?(?:based|level|"
                        r"efficiency|quality|time|scale|wise|aware|free)|broader|wider|deeper|"
                        r"better|additional|further|other|diverse|complex|consider|solve|deep|"
                        r"automatic|automated|(?:outperform|achieve|improve|enable|support|"
                        r"handle|tackle|address|show|demonstrate|perform|require|benefit)s?)$")
# A nearby word that says a task is meant: "the task of", "for", "on", "tasks".
CUE = re.compile(r"\b(?:tasks?|for|on|in|tackle|address(?:es|ing)?|problems?|benchmarks?)\b",
                 re.IGNORECASE)


class TaskExtractor:
    """Tasks from the lexicon and the modifier + head shape."""

    name = "tasks"
    labels = (TASK,)

    def __init__(self, nlp: Language, lexicon: Lexicon | None = None) -> None:
        lexicon = lexicon or load_lexicons()
        self.canonical: dict[str, str] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        patterns = []
        for entry in lexicon.of(TASK):
            for form in entry.forms:
                if usable(form, TASK, entry.curated) and form.lower() not in self.canonical:
                    self.canonical[form.lower()] = entry.name.lower()
                    patterns.append(nlp.make_doc(form))
        self.matcher.add(TASK, patterns)

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterable[Mention]:
        doc, text = document.doc, document.text
        # "COCO object detection": a dataset named before a task is not part of its name
        named = {m.start for m in found if m.label == DATASET}
        spans: dict[tuple[int, int], str] = {}
        uncued: list[tuple[int, int, str]] = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            spans[(span.start_char, span.end_char)] = self.canonical[span.text.lower()]
        for match in TASK_SHAPE.finditer(text):
            start, words = match.start(1), match.group(1).split()
            while words and (words[0].lower() in NOT_MODIFIERS or DESCRIBING.match(words[0])
                             or start in named):
                start += len(words[0]) + 1
                words = words[1:]
            if len(words) < 2 or any(w.lower() in NOT_MODIFIERS for w in words):
                continue
            window = text[max(0, start - 40):match.end(1) + 12]
            if CUE.search(window):
                spans.setdefault((start, match.end(1)), " ".join(words).lower())
            else:
                uncued.append((start, match.end(1), " ".join(words).lower()))
        _coordinated(text, spans, uncued)
        out = []
        for (s, e), name in sorted(spans.items()):
            if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in spans):
                continue  # "image segmentation" inside "medical image segmentation"
            out.append(Mention(TASK, text[s:e], s, e, self.name, {"canonical": name}))
        return out


# Between two coordinated names: matches ", ", ", and ", " or "; must not match " with the ".
COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/\s*)$")


def _coordinated(text: str, spans: dict[tuple[int, int], str],
                 candidates: list[tuple[int, int, str]]) -> None:
    """Take uncued task shapes coordinated with a task already found: "skin lesion
    segmentation, abdominal multi-organ segmentation, and polyp segmentation"."""
    changed = True
    while changed:
        changed = False
        for start, end, name in candidates:
            if (start, end) in spans:
                continue
            if any(COORDINATION.match(text[e:start]) or COORDINATION.match(text[end:s])
                   for s, e in spans if e <= start or end <= s):
                spans[(start, end)] = name
                changed = True


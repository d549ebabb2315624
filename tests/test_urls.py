"""URLs: where the patterns match, the clean form of a link, its kind, and finding them in text."""

from __future__ import annotations

import re

import pytest

from extractors.urls import (
    BARE_HOST,
    BARE_URL,
    CASE_TWINS,
    HAS_SCHEME,
    LATEX_ESCAPE,
    LATEX_URL,
    SCHEME_URL,
    TLD_SLASH,
    TLD_WORD,
    TRAILING_PUNCT,
    _link_matches,
    classify_url,
    find_urls,
    normalise_url,
    scan_links,
)

# (pattern, must match, must not match): every regex of the module.
PATTERN_TABLE = [
    (SCHEME_URL, "https://github.com/lab/repo", "arXiv:2401.01234"),
    (SCHEME_URL, "HTTP://lab.org/x", "https//lab.org"),
    (SCHEME_URL, "https://github. com/lab/repo", "mailto me"),
    (BARE_URL, "github.com/lab/repo", "e.g. this"),
    (BARE_URL, "www.lab.org", "Be.FM-1.5"),
    (BARE_URL, "hf.co/datasets/x/y", "me@lab.org/x"),
    (BARE_HOST, "see toolkit.ai for more", "built on ASP.NET"),
    (TLD_SLASH, "github.com/x", "e.g. this"),
    (TLD_WORD, "lab.org", "ASP.NET"),
    (CASE_TWINS, "\u0130stanbul", "Istanbul"),
    (TRAILING_PUNCT, "repo).", "a_b"),
    (LATEX_ESCAPE, r"a\_b", "a/b"),
    (LATEX_URL, r"\url{https://lab.org/x}.", "https://lab.org/x"),
    (LATEX_URL, r"\href{https://lab.org/x}{code}", "url{https://lab.org/x}"),
    (HAS_SCHEME, "FTP://lab.org", "lab.org/x"),
]


@pytest.mark.parametrize(
    ("pattern", "good", "bad"), PATTERN_TABLE, ids=[good for _, good, _ in PATTERN_TABLE]
)
def test_urls_patterns_match_and_reject(pattern: re.Pattern[str], good: str, bad: str):
    assert pattern.search(good), f"{pattern.pattern!r} should match {good!r}"
    assert not pattern.search(bad), f"{pattern.pattern!r} should not match {bad!r}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://github.com/lab/FastNet.", "https://github.com/lab/FastNet"),
        ("https://github.com/lab/FastNet).", "https://github.com/lab/FastNet"),
        ("https://github. com/lab/FastNet", "https://github.com/lab/FastNet"),
        ("github .com/lab/FastNet", "https://github.com/lab/FastNet"),
        ("github.com/lab/FastNet/", "https://github.com/lab/FastNet"),
        ("http://www.github.com/lab/FastNet.git", "https://github.com/lab/FastNet"),
        ("https://GitHub.com/Lab/FastNet", "https://github.com/Lab/FastNet"),
        (r"\url{https://github.com/lab/fast\_net}", "https://github.com/lab/fast_net"),
        (r"\href{https://lab.github.io/fast}{project}", "https://lab.github.io/fast"),
        ("www.fastnet-lab.org", "https://www.fastnet-lab.org"),
        ("https://lab.github.io/fast/,", "https://lab.github.io/fast/"),
        ("'https://huggingface.co/lab/fast-7b'", "https://huggingface.co/lab/fast-7b"),
        (
            "https://github.com/lab/FastNet/tree/main/tools/Train.",
            "https://github.com/lab/FastNet/tree/main/tools/Train",
        ),
        ("http://10.0.0.1:8080/demo/,", "http://10.0.0.1:8080/demo/"),
        ("github.com/lab/FastNet..git", "https://github.com/lab/FastNet"),
        ("https://github.com/lab/socket.io", "https://github.com/lab/socket.io"),
    ],
)
def test_urls_normalise_url(raw: str, expected: str):
    assert normalise_url(raw) == expected
    assert normalise_url(expected) == expected  # normalising twice changes nothing


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://github.com/lab/FastNet", "code"),
        ("https://github.com/lab/FastNet/tree/main/src", "code"),
        ("https://github.com/lab", "other"),
        ("https://gitlab.com/lab/fastnet", "code"),
        ("https://bitbucket.org/lab/fastnet", "code"),
        ("https://gitee.com/lab/fastnet", "code"),
        ("https://codeberg.org/lab/fastnet", "code"),
        ("https://huggingface.co/lab/fastnet-7b", "code"),
        ("https://huggingface.co/spaces/lab/fastnet-demo", "code"),
        ("https://huggingface.co/datasets/lab/fastset", "data"),
        ("https://hf.co/datasets/lab/fastset", "data"),
        ("https://anonymous.4open.science/r/fastnet-1A2B", "code"),
        ("https://anonymous.4open.science/w/fastnet-page/", "project"),
        ("https://lab.github.io/fastnet/", "project"),
        ("https://www.fastnet-lab.org", "project"),
        ("https://zenodo.org/records/1234567", "data"),
        ("https://doi.org/10.5281/zenodo.1234567", "data"),
        ("https://doi.org/10.1109/5.771073", "other"),
        ("https://www.youtube.com/watch?v=abcdef", "video"),
        ("https://youtu.be/abcdef", "video"),
        ("https://www.kaggle.com/datasets/lab/fastset", "data"),
        ("https://arxiv.org/abs/2401.01234", "other"),
        ("http://10.0.0.1:8080/", "other"),
    ],
)
def test_urls_classify_url(url: str, kind: str):
    assert classify_url(url) == kind


def test_urls_find_urls_messy_forms():
    text = (
        r"Code: \url{https://github.com/lab/a\_b}. See [here](https://lab.github.io/x) and "
        "https://github. com/lab/c, or github.com/lab/d; www.lab-site.org."
    )
    found = [text[s:e] for s, e in find_urls(text)]
    assert found == [
        r"https://github.com/lab/a\_b",
        "https://lab.github.io/x",
        "https://github. com/lab/c",
        "github.com/lab/d",
        "www.lab-site.org",
    ]


# Texts where a link pattern might start somewhere its keys do not point at.
MESSY_TEXTS = [
    "See https://github.com/a/b and http://x.org, ftp://files.lab.org/d.",
    "Code: github .com/lab/x; mirror at gitlab.com/lab/x (or www.lab-site.org).",
    "Visit lab. io/demo or (toolkit.ai), data at: data.lab.org, from site.dev.",
    "A host split by a tab: lab\t.com/x; e.g. x.y, ASP.NET, Node.js, me@lab.org/x.",
    "Hosts after words: at a.b.com.org and see x-y.co.uk/z, via q.me/ or see q.me.",
    "Case twins: g\u0131thub.com/lab/x and \u017fite.org/x and \u0130lab.io/x.",
    "Nothing here but e.g. and i.e. and 3.5 and a.b.",
]


@pytest.mark.parametrize("text", MESSY_TEXTS)
def test_urls_tried_at_keys_equal_a_scan(text: str):
    for pattern, matches in _link_matches(text, scan_links(text)):
        assert [m.span() for m in matches] == [m.span() for m in pattern.finditer(text)]


def test_urls_case_twins_are_found():
    assert [(s, e) for s, e in find_urls("At g\u0131thub.com/lab/x.")] == [(3, 19)]
    assert scan_links("At g\u0131thub.com/lab/x.") is None  # the patterns scan such a text

"""Ingest: every input format, its malformed variants, deduplication and the report."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path
from typing import Any

import pytest

from kg.errors import InputError, RecordError
from kg.ingest import Ingest, jsonrec, read_papers
from kg.records import (
    ARXIV_NEW_ID,
    ARXIV_OLD_ID,
    Paper,
    RunReport,
    Source,
    normalise_arxiv_id,
    title_id,
)

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
GOLD = Path(__file__).parents[1].parent / "shared" / "gold" / "dev.jsonl"
ABSTRACT = (
    "We propose a new method for training deep networks. It is evaluated on ImageNet and "
    "CIFAR-10, where it improves accuracy by two points over strong baselines. Our analysis "
    "shows why the method works and when it fails, and we release code for all experiments."
)


def corpus(*parts: str) -> Path:
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpora are not beside this checkout")
    return path


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def jsonl(*records: Any) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def ingest(*paths: Path | str, **options: Any) -> tuple[list[Paper], RunReport]:
    report = RunReport()
    papers = list(Ingest(paths, report, **options))
    assert report.reconciled, report.to_dict()
    return papers, report


# --- listing pages ---------------------------------------------------------------------------

LISTING = f"""new

Get trending papers in your email inbox!

Subscribe

byAK and the research community

Mar 12

Deep Residual Learning for Image Recognition

{ABSTRACT}

Attention Is All You Need.

{ABSTRACT}
"""


def test_ingest_listing_drops_furniture_and_pairs_lines(tmp_path: Path) -> None:
    papers, report = ingest(write(tmp_path / "page.txt", LISTING))
    assert [(p.title, p.abstract) for p in papers] == [
        ("Deep Residual Learning for Image Recognition", ABSTRACT),
        ("Attention Is All You Need.", ABSTRACT),
    ]
    assert [p.sources for p in papers] == [
        [Source(str(tmp_path / "page.txt"), 11)],
        [Source(str(tmp_path / "page.txt"), 15)],
    ]
    assert papers[0].id == title_id("Deep Residual Learning for Image Recognition")
    assert (report.records_read, report.papers_kept, report.problems) == (2, 2, [])


@pytest.mark.parametrize(
    "page, titles",
    [
        (f"SubscribeCSPNet: A New Backbone\n{ABSTRACT}\n", ["CSPNet: A New Backbone"]),
        (
            f"Get trending papers in your email inbox once a day!\nA TitleSubscribe\n{ABSTRACT}\n",
            ["A Title"],
        ),
        (f"How to Subscribe\n{ABSTRACT}\n", ["How to Subscribe"]),
        (f"May 3\nNew Results on ResNets\n{ABSTRACT}\n", ["New Results on ResNets"]),
        (
            f"Bipartite Model. A novel model for networks\n{ABSTRACT}\n",
            ["Bipartite Model. A novel model for networks"],
        ),
    ],
)
def test_ingest_listing_repairs_titles(tmp_path: Path, page: str, titles: list[str]) -> None:
    papers, _ = ingest(write(tmp_path / "page.txt", page))
    assert [p.title for p in papers] == titles
    assert all(p.abstract == ABSTRACT for p in papers)


def test_ingest_listing_keeps_titles_and_abstracts_that_lack_their_pair(tmp_path: Path) -> None:
    page = f"{ABSTRACT}\nLonely Title\nSecond Title\n{ABSTRACT}\nLast Title\n"
    papers, report = ingest(write(tmp_path / "page.txt", page))
    assert [(p.title, bool(p.abstract), p.sources[0].line) for p in papers] == [
        ("", True, 1),
        ("Lonely Title", False, 2),
        ("Second Title", True, 3),
        ("Last Title", False, 5),
    ]
    assert papers[0].id == title_id(ABSTRACT)
    assert report.papers_kept == 4


def test_ingest_listing_reports_an_undecodable_line_and_keeps_the_rest(tmp_path: Path) -> None:
    content = f"Good Title\n{ABSTRACT}\nBad \xff\xfe Title\n{ABSTRACT}\n".encode("latin-1")
    papers, report = ingest(write(tmp_path / "page.txt", content))
    assert [p.title for p in papers] == ["Good Title", ""]
    assert [(p.line, "UTF-8" in p.reason) for p in report.problems] == [(3, True)]


def test_ingest_seed_pages_hold_533_entries_and_463_titles() -> None:
    papers, report = ingest(corpus("seeds"))
    assert report.records_read == 533
    assert report.papers_kept == len(papers) == len({p.title for p in papers}) == 463
    assert report.duplicates_merged == 70 and report.problems == []
    assert all(p.title and p.abstract for p in papers)
    assert not any("Subscribe" in p.title for p in papers)


def test_ingest_seed_titles_give_the_gold_ids() -> None:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is absent: the shared gold data is not beside this checkout")
    papers, _ = ingest(corpus("seeds"))
    by_title = {p.title: p.id for p in papers}
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    assert gold
    assert {g["id"]: by_title.get(g["title"]) for g in gold} == {g["id"]: g["id"] for g in gold}


# --- JSON Lines, JSON -----------------------------------------------------------------------

ARXIV_RECORD = {
    "id": "http://arxiv.org/abs/2606.01234v2",
    "title": "Sparse\n  Mixture of $\\mathcal{E}$xperts",
    "summary": "We study \\emph{sparse} experts.\nThey scale.",
    "authors": [{"name": "Ada Lovelace"}, {"name": "Alan Turing"}],
    "categories": "cs.LG stat.ML",
    "published": "2026-06-01T17:59:59Z",
}


def test_ingest_jsonl_reads_arxiv_records(tmp_path: Path) -> None:
    (paper,), _ = ingest(write(tmp_path / "a.jsonl", jsonl(ARXIV_RECORD)))
    assert paper.to_dict() == {
        "id": "arxiv:2606.01234",
        "title": "Sparse Mixture of $\\mathcal{E}$xperts",
        "abstract": "We study \\emph{sparse} experts.\nThey scale.",
        "arxiv_id": "2606.01234",
        "authors": ["Ada Lovelace", "Alan Turing"],
        "categories": ["cs.LG", "stat.ML"],
        "date": "2026-06-01",
        "url": "http://arxiv.org/abs/2606.01234v2",
        "sources": [f"{tmp_path / 'a.jsonl'}:1"],
    }


@pytest.mark.parametrize(
    "authors, expected",
    [
        (["A. Smith", "B. Jones"], ["A. Smith", "B. Jones"]),
        ([{"name": "A. Smith"}], ["A. Smith"]),
        ("A. Smith, B. Jones and C. Anderson", ["A. Smith", "B. Jones", "C. Anderson"]),
        ("", []),
        (None, []),
    ],
)
def test_ingest_authors_in_every_shape(tmp_path: Path, authors: Any, expected: list[str]) -> None:
    record = {"title": "T", "abstract": "A.", "authors": authors}
    (paper,), _ = ingest(write(tmp_path / "a.jsonl", jsonl(record)))
    assert paper.authors == expected


def test_ingest_generic_id_is_not_the_paper_id(tmp_path: Path) -> None:
    records = [
        {"id": "f3113187150c", "title": "One", "abstract": "A."},
        {"id": "https://openreview.net/forum?id=abc", "title": "Two", "abstract": "A."},
        {"id": 2401, "title": "Three", "abstract": "A."},
        {"id": "arXiv:2401.01234v3", "title": "Four", "abstract": "A."},
        {"id": "hep-th/9901001v1", "title": "Five", "abstract": "A."},
    ]
    papers, _ = ingest(write(tmp_path / "a.jsonl", jsonl(*records)))
    assert [(p.id, p.url) for p in papers] == [
        (title_id("One"), None),
        (title_id("Two"), "https://openreview.net/forum?id=abc"),
        (title_id("Three"), None),
        ("arxiv:2401.01234", None),
        ("arxiv:hep-th/9901001", None),
    ]


def test_ingest_papers_with_code_array(tmp_path: Path) -> None:
    records = [
        {
            "paper_url": "https://paperswithcode.com/paper/attention-is-all-you-need",
            "arxiv_id": "1706.03762",
            "title": "Attention Is All You Need",
            "abstract": "The dominant sequence transduction models...",
            "url_abs": "https://arxiv.org/abs/1706.03762v5",
            "date": "2017-06-12",
            "authors": ["Ashish Vaswani", "Noam Shazeer"],
        },
        {
            "paper_url": "https://paperswithcode.com/paper/x",
            "arxiv_id": None,
            "title": "No arXiv",
            "abstract": "Text.",
            "date": None,
            "authors": [],
        },
    ]
    path = write(tmp_path / "papers-with-abstracts.json", json.dumps(records, indent=2))
    papers, _ = ingest(path)
    assert [(p.id, p.date, p.url, p.sources[0].line) for p in papers] == [
        ("arxiv:1706.03762", "2017-06-12", "https://arxiv.org/abs/1706.03762v5", 2),
        (title_id("No arXiv"), None, "https://paperswithcode.com/paper/x", 14),
    ]


@pytest.mark.parametrize("key", ["papers", "data"])
def test_ingest_json_object_holding_a_list(tmp_path: Path, key: str) -> None:
    records = [{"title": "One", "abstract": "A."}, {"title": "Two", "abstract": "B."}]
    papers, _ = ingest(write(tmp_path / "w.json", json.dumps({"version": 1, key: records})))
    assert [(p.title, p.sources[0].line) for p in papers] == [("One", 1), ("Two", 2)]


def test_ingest_json_single_object_and_json_named_jsonl(tmp_path: Path) -> None:
    single = write(tmp_path / "one.json", json.dumps({"title": "One", "abstract": "A."}, indent=1))
    kaggle = write(
        tmp_path / "snapshot.json",
        jsonl(
            {
                "id": "0704.0001",
                "title": "Two",
                "abstract": "B.",
                "update_date": "2008-11-13",
                "authors": "C. Bal\\'azs, E. L. Berger",
                "categories": "hep-ph",
            },
            {"id": "0704.0002", "title": "Three", "abstract": "C."},
        ),
    )
    papers, _ = ingest(single, kaggle)
    assert [p.id for p in papers] == [title_id("One"), "arxiv:0704.0001", "arxiv:0704.0002"]
    assert papers[1].authors == ["C. Bal\\'azs", "E. L. Berger"]
    assert papers[1].categories == ["hep-ph"] and papers[1].date == "2008-11-13"


def test_ingest_json_array_streams_across_chunks(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(jsonrec, "CHUNK_CHARS", 64)
    records = [{"title": f"Paper {i}", "abstract": ABSTRACT} for i in range(20)]
    papers, report = ingest(write(tmp_path / "a.json", json.dumps(records, indent=2)))
    assert [p.title for p in papers] == [f"Paper {i}" for i in range(20)]
    assert [p.sources[0].line for p in papers[:3]] == [2, 6, 10]
    assert report.problems == []


# --- CSV / TSV ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content",
    [
        ("p.csv", 'id,Title,Abstract,authors\n2401.01234,"A, B",Text one.,"X, Y"\n'),
        ("p.tsv", "id\tTitle\tAbstract\tauthors\n2401.01234\tA, B\tText one.\tX, Y\n"),
        ("p.csv", "id;title;abstract;authors\n2401.01234;A, B;Text one.;X, Y\n"),
        ("p.dat", "id\ttitle\tabstract\tauthors\n2401.01234\tA, B\tText one.\tX, Y\n"),
    ],
)
def test_ingest_tables_with_any_delimiter(tmp_path: Path, name: str, content: str) -> None:
    (paper,), _ = ingest(write(tmp_path / name, content))
    assert (paper.id, paper.title, paper.abstract, paper.authors, paper.sources[0].line) == (
        "arxiv:2401.01234",
        "A, B",
        "Text one.",
        ["X", "Y"],
        2,
    )


def test_ingest_csv_multiline_cell_keeps_line_of_row_start(tmp_path: Path) -> None:
    content = 'title,abstract\nOne,"First line\nsecond line"\nTwo,Text.\n'
    papers, _ = ingest(write(tmp_path / "p.csv", content))
    assert [(p.title, p.sources[0].line) for p in papers] == [("One", 2), ("Two", 4)]


# --- field mapping and options --------------------------------------------------------------


def test_ingest_field_map_renames_input_keys(tmp_path: Path) -> None:
    record = {
        "paper_title": "Mapped",
        "text": "Body.",
        "who": "A and B",
        "tags": ["cs.CL"],
        "ref": "https://arxiv.org/pdf/2401.01234v1",
        "when": "2024-01-02",
    }
    field_map = {
        "title": "paper_title",
        "abstract": "text",
        "authors": "who",
        "categories": "tags",
        "id": "ref",
        "date": "when",
    }
    for path in (
        write(tmp_path / "a.jsonl", jsonl(record)),
        write(tmp_path / "b.csv", "paper_title,text,who\nMapped,Body.,A and B\n"),
    ):
        (paper,), _ = ingest(path, field_map=field_map)
        assert (paper.title, paper.abstract, paper.authors) == ("Mapped", "Body.", ["A", "B"])
    (paper,), _ = ingest(tmp_path / "a.jsonl", field_map=field_map)
    assert (paper.id, paper.categories, paper.date) == ("arxiv:2401.01234", ["cs.CL"], "2024-01-02")


@pytest.mark.parametrize(
    "options", [{"fmt": "xml"}, {"field_map": {"venue": "x"}}, {"field_map": {"title": ""}}]
)
def test_ingest_rejects_bad_options(options: dict[str, Any]) -> None:
    with pytest.raises(InputError):
        Ingest([], RunReport(), **options)


def test_ingest_fmt_overrides_the_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "papers.txt", jsonl({"title": "T", "abstract": "A."}))
    (paper,), _ = ingest(path, fmt="jsonl")
    assert paper.title == "T"


def test_ingest_read_papers_accepts_one_path(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl({"title": "T", "abstract": "A."}))
    report = RunReport()
    assert [p.title for p in read_papers(str(path), report)] == ["T"]
    assert report.papers_kept == 1


# --- malformed input ------------------------------------------------------------------------

GOOD = {"title": "Good", "abstract": "Fine."}
PRETTY_BROKEN = (
    '[\n  {"title": "One", "abstract": "A."},\n  {"title": "Two", "abs\n'
    '  },\n  {"title": "Three", "abstract": "C."}\n]\n'
)

MALFORMED = [
    # (file name, content, titles kept, (line, words in the reason) of each problem)
    ("a.jsonl", jsonl(GOOD) + '{"title": "Broken"\n', ["Good"], [(2, "broken JSON")]),
    ("a.jsonl", jsonl({"title": 42, "abstract": "A."}, GOOD), ["Good"], [(1, "title is a number")]),
    ("a.jsonl", jsonl({"title": ["T"], "abstract": "A."}), [], [(1, "title is a list")]),
    ("a.jsonl", jsonl({"title": {"t": 1}, "abstract": "A."}), [], [(1, "title is an object")]),
    ("a.jsonl", jsonl({"title": "T", "abstract": ["A."]}), [], [(1, "abstract is a list")]),
    ("a.jsonl", jsonl({"title": " ", "abstract": None}, GOOD), ["Good"], [(1, "neither")]),
    ("a.jsonl", jsonl([1, 2], GOOD), ["Good"], [(1, "should be an object")]),
    ("a.jsonl", jsonl({"title": "T", "abstract": "A.", "authors": [1]}), [], [(1, "authors[0]")]),
    ("a.jsonl", jsonl({"title": "T", "abstract": "A.", "id": ["x"]}), [], [(1, "id is a list")]),
    ("a.jsonl", b'{"title": "Bad \xff"}\n' + jsonl(GOOD).encode(), ["Good"], [(1, "UTF-8")]),
    ("a.jsonl", "\n\n" + jsonl(GOOD) + "\n", ["Good"], []),
    ("a.json", PRETTY_BROKEN, ["One", "Three"], [(3, "broken JSON")]),
    (
        "a.json",
        '[{"title": "One", "abstract": "A."}, {"title": }, {"title": "Two"}]',
        ["One"],
        [(1, "broken JSON"), (1, "rest of the file")],
    ),
    ("a.json", json.dumps([GOOD, "text", 3]), ["Good"], [(1, "got str"), (1, "a number")]),
    (
        "a.json",
        b'[{"title": "Bad \xff", "abstract": "A."},\n' + json.dumps(GOOD).encode() + b"]",
        ["Good"],
        [(1, "UTF-8")],
    ),
    ("a.json", '{"papers": [{"title": "One"}, 7]}', ["One"], [(2, "a number")]),
    ("a.json", '{"papers": [}', [], [(1, "broken JSON")]),
    ("a.csv", "title,abstract\nOne,A.\nTwo,B.,extra\n", ["One"], [(3, "3 fields")]),
    ("a.csv", b"title,abstract\nBad \xff,A.\nOne,B.\n", ["One"], [(2, "UTF-8")]),
    ("a.csv", "title,abstract\n,\nOne,\n , \n", ["One"], []),
    ("a.csv", "title,abstract\n", [], [(0, "no paper records")]),
    ("a.txt", "new\n\nSubscribe\nMar 12\n", [], [(0, "no paper records")]),
    ("a.jsonl", "", [], [(0, "empty")]),
    ("a.csv", " \n\n", [], [(0, "empty")]),
    ("a.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00", [], [(0, "PNG image")]),
    ("a.jsonl", gzip.compress(jsonl(GOOD).encode()), [], [(0, "gzip archive")]),
    ("a.txt", b"ab\x00cd\n", [], [(0, "binary")]),
    ("notes.dat", "short text\n", [], [(0, "cannot tell the format")]),
]


@pytest.mark.parametrize("name, content, titles, problems", MALFORMED)
def test_ingest_reports_malformed_input_and_keeps_the_rest(
    tmp_path: Path, name: str, content: str | bytes, titles: list[str], problems: list[tuple]
) -> None:
    path = write(tmp_path / name, content)
    papers, report = ingest(path)
    assert [p.title for p in papers] == titles
    assert len(report.problems) == len(problems), report.problems
    for problem, (line, words) in zip(report.problems, problems, strict=True):
        assert (problem.file, problem.line) == (str(path), line)
        assert words in problem.reason
    assert report.records_skipped == len(problems)


@pytest.mark.parametrize("name, content, titles, problems", [m for m in MALFORMED if m[3]])
def test_ingest_strict_raises_on_the_first_problem(
    tmp_path: Path, name: str, content: str | bytes, titles: list[str], problems: list[tuple]
) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(RecordError) as caught:
        ingest(path, strict=True)
    assert (caught.value.file, caught.value.line) == (str(path), problems[0][0])


def test_ingest_missing_path_is_reported_or_raised(tmp_path: Path) -> None:
    good = write(tmp_path / "a.jsonl", jsonl(GOOD))
    papers, report = ingest(tmp_path / "missing.jsonl", good)
    assert [p.title for p in papers] == ["Good"]
    assert [(p.line, p.reason) for p in report.problems] == [(0, "no such file or folder")]
    with pytest.raises(InputError) as caught:
        ingest(tmp_path / "missing.jsonl", strict=True)
    assert not isinstance(caught.value, RecordError)


# --- folders, dedup, reconciliation ---------------------------------------------------------


def test_ingest_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b" / "z.jsonl", jsonl({"title": "Z", "abstract": "A."}))
    write(tmp_path / "a.csv", "title,abstract\nA,Text.\n")
    write(tmp_path / "b" / "c.txt", f"C\n{ABSTRACT}\n")
    write(tmp_path / ".hidden" / "h.jsonl", jsonl({"title": "H", "abstract": "A."}))
    write(tmp_path / ".h.jsonl", jsonl({"title": "H", "abstract": "A."}))
    write(tmp_path / "d" / "listing", f"D\n{ABSTRACT}\n")
    (tmp_path / "empty").mkdir()
    papers, report = ingest(tmp_path)
    assert [p.title for p in papers] == ["A", "C", "Z", "D"]
    _, report = ingest(tmp_path / "empty")
    assert [(p.line, "no (non-hidden) files" in p.reason) for p in report.problems] == [(0, True)]


def test_ingest_merges_records_with_the_same_id(tmp_path: Path) -> None:
    first = write(
        tmp_path / "1.jsonl", jsonl({"id": "2401.01234v1", "title": "T", "abstract": "A."})
    )
    again = write(
        tmp_path / "2.jsonl",
        jsonl(
            {"id": "GOOD", "title": "Other", "abstract": "B."},
            {
                "id": "http://arxiv.org/abs/2401.01234v2",
                "title": "T v2",
                "abstract": "A longer one.",
                "authors": ["X"],
            },
        ),
    )
    report = RunReport()
    run = Ingest([first, again], report)
    papers = list(run)
    assert [p.id for p in papers] == ["arxiv:2401.01234", title_id("Other")]
    # the paper handed out is not changed afterwards; the duplicate's source is recorded
    assert papers[0].sources == [Source(str(first), 1)]
    assert (papers[0].abstract, papers[0].title) == ("A.", "T")
    assert run.extra_sources == {"arxiv:2401.01234": [Source(str(again), 2)]}
    assert (report.records_read, report.papers_kept, report.duplicates_merged) == (3, 2, 1)


@pytest.mark.parametrize("arxiv_first", [True, False])
def test_ingest_title_only_record_merges_with_arxiv_record(
    tmp_path: Path, arxiv_first: bool
) -> None:
    arxiv = write(
        tmp_path / "a.jsonl",
        jsonl(
            {"id": "2401.01234", "title": "Deep  Nets", "abstract": "A."},
            {"id": "2401.09999", "title": "Deep Nets", "abstract": "Another paper, same title."},
        ),
    )
    page = write(tmp_path / "p.txt", f"deep nets\n{ABSTRACT}\n")
    later = write(
        tmp_path / "z.jsonl", jsonl({"id": "2401.01234v2", "title": "X", "abstract": "."})
    )
    report = RunReport()
    run = Ingest([arxiv, page, later] if arxiv_first else [page, arxiv, later], report)
    papers = list(run)
    first = papers[0]
    assert first.id == ("arxiv:2401.01234" if arxiv_first else title_id("deep nets"))
    assert first.arxiv_id == ("2401.01234" if arxiv_first else None)
    assert len(first.sources) == 1 and len(run.extra_sources[first.id]) == 2
    assert [p.id for p in papers[1:]] == ["arxiv:2401.09999"]
    assert (report.papers_kept, report.duplicates_merged) == (2, 2)


def test_ingest_reconciles_counts_over_mixed_inputs(tmp_path: Path) -> None:
    for name, content, *_ in MALFORMED:
        write(tmp_path / "mixed" / f"{len(list(tmp_path.rglob('*'))):02d}-{name}", content)
    write(tmp_path / "mixed" / "dup.jsonl", jsonl(GOOD, GOOD, {"title": "One", "abstract": "A."}))
    report = RunReport()
    papers = read_papers([tmp_path / "mixed", tmp_path / "nothing"], report)
    kept = list(papers)
    assert (
        report.records_read
        == report.papers_kept + report.duplicates_merged + report.records_skipped
    )
    assert report.papers_kept == len(kept) and report.duplicates_merged >= 3
    assert report.records_skipped == len(report.problems) > 20


# --- arXiv ids ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2606.18318", "2606.18318"),
        ("arXiv:2401.01234v2", "2401.01234"),
        ("http://arxiv.org/abs/2606.01234v1", "2606.01234"),
        ("https://arxiv.org/pdf/0704.0001", "0704.0001"),
        ("hep-th/9901001v1", "hep-th/9901001"),
        ("math.GT/0309136", "math.GT/0309136"),
        ("1234.5", None),
        ("2401.012345", None),
        ("10.1145/3394486.3403043", None),
        ("12345.67890", None),
        ("a/b", None),
        ("a/1234567", None),
        ("hep-th/99010", None),
        ("f3113187150c", None),
    ],
)
def test_ingest_arxiv_id_patterns(text: str, expected: str | None) -> None:
    assert normalise_arxiv_id(text) == expected
    found = ARXIV_NEW_ID.search(text) or ARXIV_OLD_ID.search(text)
    assert (found.group(1) if found else None) == expected


def test_ingest_arxiv_corpus_is_fast_and_keyed_by_arxiv_id() -> None:
    path = corpus("arxiv-ml-2026-06a.jsonl")
    start = time.perf_counter()
    papers, report = ingest(path)
    assert time.perf_counter() - start < 1.0
    assert report.records_read == len(papers) == 1162 and report.problems == []
    assert all(p.id.startswith("arxiv:") and p.id == f"arxiv:{p.arxiv_id}" for p in papers)
    assert all(p.title and p.abstract and p.authors for p in papers)

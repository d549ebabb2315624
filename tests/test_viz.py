"""kg viz: selections on the small store, the page's safety and palette, and headless Chromium.

The browser tests drive Debian's ``chromium`` and ``chromium-driver`` through
selenium (dev extra) and skip, saying why, only when they are not installed.
``KG_VIZ_SCREENSHOT=docs/viz-imagenet.png python -m pytest -q tests/test_viz.py -k imagenet``
(from the repository root) also writes the README's screenshot of the seed graph.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import viz
from kg.build import OVERVIEW_FILE, BuildOptions, build
from kg.cli import cli
from kg.errors import InputError, StoreError
from kg.schema import load_schema
from kg.store import Store
from tests.conftest import entity, record, shared_path
from tests.test_style import grass

HOSTILE = "</script><script>alert(1)</script>"
HOSTILE_NAME = "<img src=x onerror=alert(2)>Net"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900"]
# A reference that would make the page fetch from the network: matches
# '<script src="https://cdn.x/vis.js">', '<link rel="stylesheet" href="http://x/a.css">',
# "url(https://x/a.png)", "@import 'http://x'"; not "https://visjs.github.io" in a comment.
EXTERNAL = re.compile(
    r"<script\b[^>]*\bsrc\s*=|<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//"
    r"|url\(\s*[\"']?\s*(?:https?:)?//|@import\s+(?:url\()?\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)
DATA_SCRIPT = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


@pytest.mark.parametrize(("text", "found"), [
    ('<script src="https://cdn.example/vis.js"></script>', True),
    ("<script src=vis.js></script>", True),
    ('<link rel="stylesheet" href="http://cdn.example/a.css">', True),
    ('<link rel="stylesheet" href="//cdn.example/a.css">', True),
    ("background: url(https://example.org/a.png)", True),
    ("@import 'http://example.org/a.css';", True),
    ("@import url(//example.org/a.css);", True),
    ('<link rel="icon" href="data:,">', False),
    (" * https://visjs.github.io/vis-network/", False),
    ('background-image: url("data:image/png;base64,AAAA")', False),
    ('<script type="application/json" id="kg-data">{}</script>', False),
])
def test_viz_external_reference_pattern(text, found):
    assert bool(EXTERNAL.search(text)) is found


@pytest.mark.parametrize(("pattern", "text", "matches"), [
    (viz.GRASS_RULE, "node.Paper {\n  color: #0072B2;\n}", True),
    (viz.GRASS_RULE, "node.Paper;", False),
    (viz.HEX_COLOUR, "#0072B2", True),
    (viz.HEX_COLOUR, "red;background:url(x)", False),
    (viz.HEX_COLOUR, "#0072B", False),
    (viz.SLOT, "{{data}}", True),
    (viz.SLOT, "{data}", False),
    (viz.SLOT, "{{ data }}", False),
    (viz.UNSAFE_INLINE, "a='</script>'", True),
    (viz.UNSAFE_INLINE, "x = '</STYLE'", True),
    (viz.UNSAFE_INLINE, "<!-- x", True),
    (viz.UNSAFE_INLINE, "a < /script", False),
    (viz.UNSAFE_INLINE, "if (a<b) {}", False),
])
def test_viz_patterns_match_and_refuse(pattern, text, matches):
    found = pattern.fullmatch(text) if pattern is viz.HEX_COLOUR else pattern.search(text)
    assert bool(found) is matches


@pytest.mark.parametrize(("value", "forbidden"), [
    ("</script><script>alert(1)</script>", "</"),
    ("<!-- <script>", "<!--"),
    ("a & b > c", "&"),
    ("line\u2028separator", "\u2028"),
])
def test_viz_script_json_escapes_markup(value, forbidden):
    text = viz.script_json({"v": value})
    assert forbidden not in text and "<" not in text
    assert json.loads(text) == {"v": value}


def test_viz_palette_is_style_grass():
    rules = grass()
    styles = viz.palette()
    assert set(styles) == set(load_schema().nodes)
    for label, style in styles.items():
        assert style["color"] == rules[f"node.{label}"]["color"].upper(), label
        assert style["border"] == rules[f"node.{label}"]["border-color"].upper(), label


def page_data(html: str) -> dict:
    match = DATA_SCRIPT.search(html)
    assert match, "the page has no kg-data script"
    return json.loads(match.group(1))


def test_viz_page_is_self_contained_with_the_palette(store):
    html = viz.render(viz.select(store, viz.Selection(datasets=["ImageNet"])), "ImageNet")
    assert not EXTERNAL.search(html)
    assert "default-src 'none'" in html  # the Content-Security-Policy: nothing is fetched
    assert "@version 9.1.2" in html and "The Apache 2.0 License" in html  # inlined, licence kept
    data = page_data(html)
    assert data["styles"] == viz.palette()
    assert set(data["labels"]) == {n["label"] for n in data["nodes"]}


def node_ids(graph: viz.Subgraph) -> set[str]:
    return set(graph.nodes)


def test_viz_select_dataset_by_alias_in_any_case(store):
    graph = viz.select(store, viz.Selection(datasets=["IMAGENET"], depth=1))
    assert node_ids(graph) == {
        "dataset:imagenet", "p1", "p2", "dataset:imagenet1k", "result:1e0ffe1169adda90",
        "benchmark:imageclassification@imagenet"}
    assert not graph.truncated and graph.message is None


def test_viz_select_default_depth_reaches_the_papers_methods(store):
    graph = viz.select(store, viz.Selection(datasets=["imagenet"]))
    assert {"method:latticenet", "method:resnet50", "p1", "p2"} <= node_ids(graph)


def test_viz_select_unknown_name_says_so_with_close_names(store):
    with pytest.raises(InputError, match=r"no Dataset is named 'ImageNut'.*close names: imagenet"):
        viz.select(store, viz.Selection(datasets=["ImageNut"]))
    with pytest.raises(InputError, match="no Method is named"):
        viz.select(store, viz.Selection(methods=["ImageNet"]))  # a dataset is not a method


def test_viz_select_paper_by_id_shows_its_neighbours(store):
    graph = viz.select(store, viz.Selection(papers=["p2"]))
    assert node_ids(graph) == {"p2", "method:resnet50", "dataset:imagenet", "dataset:imagenet1k",
                               "concept:knowledgedistillation"}
    with pytest.raises(InputError, match="no paper has the id"):
        viz.select(store, viz.Selection(papers=["p9"]))


def test_viz_depth_zero_is_the_seeds_alone(store):
    graph = viz.select(store, viz.Selection(methods=["resnet-50"], depth=0))
    assert node_ids(graph) == {"method:resnet50"} and graph.edges == []


def test_viz_max_nodes_cuts_nearest_papers_first_and_says_so(store):
    graph = viz.select(store, viz.Selection(datasets=["ImageNet"], depth=2, max_nodes=3))
    assert node_ids(graph) == {"dataset:imagenet", "p1", "p2"}
    assert graph.truncated and graph.reached > 3
    assert "--max-nodes" in graph.message and "Showing 3 of at least" in graph.message


def test_viz_edges_are_among_the_nodes_and_carry_evidence(store):
    graph = viz.select(store, viz.Selection(papers=["p1"]))
    assert all(e["from"] in graph.nodes and e["to"] in graph.nodes for e in graph.edges)
    uses = next(e for e in graph.edges if e["type"] == "USES")
    assert uses["props"] == {"role": "baseline"}
    assert uses["evidence"][0]["sentence"] == "... ResNet-50 ..."
    assert uses["evidence"][0]["extractor"] == "test"
    # Result -> Method among p1's neighbours: an edge neither end of which is the seed
    assert any(e["type"] == "OF_METHOD" for e in graph.edges)


def test_viz_query_nodes_and_paths(store):
    nodes = viz.select(store, viz.Selection(
        query="MATCH (p:Paper)-[:USES]->(m:Method) RETURN p, m"))
    assert node_ids(nodes) == {"p1", "p2", "method:resnet50"}
    paths = viz.select(store, viz.Selection(
        query="MATCH x = (p:Paper)-[:PROPOSES]->(m:Method) RETURN x"))
    assert node_ids(paths) == {"p1", "method:latticenet"}
    assert [e["type"] for e in paths.edges] == ["PROPOSES"]


def test_viz_query_without_nodes_or_broken_is_a_kg_error(store):
    with pytest.raises(InputError, match="returned no nodes"):
        viz.select(store, viz.Selection(query="MATCH (m:Method) RETURN m.name"))
    with pytest.raises(StoreError):
        viz.select(store, viz.Selection(query="MATCH (m:Method RETURN m"))


def test_viz_overview_is_the_hubs_and_their_papers(store):
    graph = viz.select(store, viz.Selection())
    labels = {n["label"] for n in graph.nodes.values()}
    assert labels == {"Method", "Dataset", "Paper"}
    assert {"method:resnet50", "dataset:imagenet", "p1", "p2"} <= node_ids(graph)


def test_viz_overview_cap_keeps_the_hubs_and_says_so(store):
    graph = viz.overview(store, max_nodes=4)
    assert len(graph.nodes) == 4 and graph.truncated and "--max-nodes" in graph.message
    assert all(n["label"] in ("Method", "Dataset") for n in graph.nodes.values())


def test_viz_overview_of_an_empty_graph_is_an_empty_page(tmp_path):
    with Store.create(tmp_path / "empty") as empty:
        graph = viz.write_overview(empty, tmp_path / "overview.html")
    assert graph.nodes == {} and graph.message is None
    assert page_data((tmp_path / "overview.html").read_text(encoding="utf-8"))["nodes"] == []


@pytest.fixture
def hostile_store(tmp_path):
    """A store whose paper title and method name are markup."""
    from kg.graph import GraphBuilder
    from kg.records import RunReport

    records = [record("p3", HOSTILE, methods=[entity(HOSTILE_NAME, proposed=True)],
                      datasets=[entity("ImageNet")])]
    builder = GraphBuilder(RunReport())
    builder.index_records(records)
    with Store.create(tmp_path / "hostile") as created:
        created.load(builder.items(records))
    with Store(tmp_path / "hostile") as opened:
        yield opened


def test_viz_hostile_text_is_escaped(hostile_store, tmp_path):
    graph = viz.select(hostile_store, viz.Selection(papers=["p3"]))
    path = viz.write_page(graph, tmp_path / "h.html", HOSTILE)
    html = path.read_text(encoding="utf-8")
    assert HOSTILE not in html and HOSTILE_NAME not in html
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in html
    # data, vis-network, the page's own (vis-network's code itself names "<script" once)
    assert html.count("<script") == 3 + viz.library_assets()[0].count("<script")
    data = page_data(html)
    assert data["title"] == HOSTILE
    assert {n["name"] for n in data["nodes"]} == {HOSTILE, HOSTILE_NAME, "ImageNet"}


def test_viz_cli_writes_the_page_and_reports_the_cap(store, tmp_path):
    out = tmp_path / "g.html"
    result = CliRunner().invoke(cli, ["viz", "--db", str(store.path.parent), "--dataset",
                                      "imagenet", "--max-nodes", "2", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote 2 nodes" in result.stdout
    assert "cut the graph" in result.stderr
    data = page_data(out.read_text(encoding="utf-8"))
    assert "cut the graph" in data["message"] and data["title"] == "kg: imagenet"


def test_viz_cli_unknown_dataset_exits_2_without_traceback(store, tmp_path):
    result = CliRunner().invoke(cli, ["viz", "--db", str(store.path.parent), "--dataset",
                                      "Nowhere", "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 2
    assert "Error: no Dataset is named 'Nowhere'" in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "g.html").exists()


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory) -> Path:
    """The seed graph, built once for this module (about 15 s)."""
    seeds = shared_path("corpus", "seeds")
    out = tmp_path_factory.mktemp("viz-seeds") / "out"
    build([seeds], out, BuildOptions(rdf=False))
    return out


@pytest.fixture(scope="module")
def imagenet_page(seed_out) -> Path:
    page = seed_out / "imagenet.html"
    result = CliRunner().invoke(cli, ["viz", "--db", str(seed_out), "--dataset", "ImageNet",
                                      "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page


def test_viz_build_writes_the_overview(seed_out):
    data = page_data((seed_out / OVERVIEW_FILE).read_text(encoding="utf-8"))
    summary = json.loads((seed_out / "summary.json").read_text())
    names = {n["name"] for n in data["nodes"]}
    assert {e["name"] for e in summary["top_methods"][:5]} <= names
    assert {e["name"] for e in summary["top_datasets"][:5]} <= names
    assert 50 <= len(data["nodes"]) <= viz.OVERVIEW_MAX_NODES
    assert not EXTERNAL.search((seed_out / OVERVIEW_FILE).read_text(encoding="utf-8"))


def test_viz_seed_imagenet_shows_its_papers_and_their_methods(seed_out, imagenet_page):
    data = page_data(imagenet_page.read_text(encoding="utf-8"))
    shown = {n["id"] for n in data["nodes"]}
    with Store(seed_out) as store:
        _, rows = store.query("MATCH (p:Paper)-[:EVALUATES_ON]->(d:Dataset) "
                              "WHERE d.id = 'dataset:imagenet' RETURN p.id")
        papers = {row[0] for row in rows}
        _, rows = store.query("MATCH (p:Paper)-[:PROPOSES|:USES]->(m:Method) WHERE p.id IN $ids "
                              "RETURN DISTINCT m.id", {"ids": sorted(papers)})
        methods = {row[0] for row in rows}
    assert "dataset:imagenet" in shown and len(papers) >= 20
    assert papers <= shown and methods <= shown


# --- in a real browser -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    chromium = next(filter(None, map(shutil.which, ["chromium", "chromium-browser"])), None)
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("Chromium or chromedriver is not installed "
                    "(apt-get install chromium chromium-driver; .ci/run does it)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


def open_page(driver, path: Path, timeout: float = 20) -> list[dict]:
    """Load the page from file://, wait until the layout settled; the console's errors."""
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return !!(window.kgViz && window.kgViz.ready)"))
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 (no injected alert() ran)
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_viz_browser_hostile_page_clicks_and_search(browser, hostile_store, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains

    graph = viz.select(hostile_store, viz.Selection(papers=["p3"]))
    page = viz.write_page(graph, tmp_path / "h.html", HOSTILE)
    assert open_page(browser, page) == []
    js = browser.execute_script
    assert js("return document.getElementById('kg-title').textContent") == HOSTILE
    assert js("return document.querySelectorAll('script').length") == 3
    assert js("return document.querySelectorAll('img').length") == 0
    assert js("return window.kgViz.counts()")["nodes"] == 3
    # a real click on the paper highlights it and its two neighbours
    canvas = browser.find_element("css selector", "#kg-graph canvas")
    x, y = js("var n = window.kgViz.network, p = n.canvasToDOM(n.getPosition('p3'));"
              "var r = arguments[0].getBoundingClientRect();"
              "return [p.x - r.width / 2, p.y - r.height / 2];", canvas)
    ActionChains(browser).move_to_element_with_offset(canvas, int(x), int(y)).click().perform()
    time.sleep(0.3)
    assert sorted(js("return window.kgViz.highlighted")) == sorted(graph.nodes)
    assert HOSTILE in js("return document.getElementById('kg-details-body').textContent")
    assert js("return window.kgViz.search('onerror')") == [n for n in graph.nodes
                                                          if n.startswith("method:")]
    assert js("return document.querySelectorAll('img').length") == 0


def banner(driver) -> str:
    return driver.execute_script("var m = document.getElementById('kg-message');"
                                 "return m.hidden ? '' : m.textContent")


def test_viz_browser_shows_the_cap_message(browser, store, tmp_path):
    page = viz.write_page(viz.select(store, viz.Selection(datasets=["ImageNet"], max_nodes=2)),
                          tmp_path / "cut.html")
    assert open_page(browser, page) == []
    assert "cut the graph" in banner(browser)
    assert browser.execute_script("return window.kgViz.counts()")["nodes"] == 2


def distinct_colours(png: Path, box: tuple[int, int, int, int] | None = None) -> set[str]:
    from PIL import Image

    with Image.open(png) as image:
        part = image.convert("RGB").crop(box) if box else image.convert("RGB")
        return {"#{:02X}{:02X}{:02X}".format(*colour) for _, colour in part.getcolors(1 << 24)}


def test_viz_browser_seed_imagenet_renders_every_node(browser, seed_out, imagenet_page, tmp_path):
    started = time.monotonic()
    assert open_page(browser, imagenet_page) == []
    counts = browser.execute_script("return window.kgViz.counts()")
    assert counts["nodes"] == counts["expectedNodes"] == len(page_data(
        imagenet_page.read_text(encoding="utf-8"))["nodes"])
    assert counts["edges"] == counts["expectedEdges"] > counts["nodes"]
    assert banner(browser) == (page_data(imagenet_page.read_text(encoding="utf-8"))["message"]
                               or "")
    shot = tmp_path / "imagenet.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 20_000
    rect = browser.execute_script(
        "var r = document.getElementById('kg-graph').getBoundingClientRect();"
        "return [r.left, r.top, r.right, r.bottom];")
    drawn = distinct_colours(shot, tuple(int(v) for v in rect))
    assert len(drawn) > 100  # nodes, anti-aliased edges and captions, not a blank canvas
    palette = viz.palette()
    assert {palette[label]["color"] for label in ("Paper", "Method", "Dataset")} <= drawn
    assert time.monotonic() - started < 30
    if os.environ.get("KG_VIZ_SCREENSHOT"):
        save_readme_screenshot(browser, Path(os.environ["KG_VIZ_SCREENSHOT"]))


def save_readme_screenshot(driver, target: Path) -> None:
    """The README's picture: the page zoomed on ImageNet, quantised to stay small."""
    from PIL import Image

    driver.execute_script("var n = window.kgViz.network;"  # selected: drawn on top
                          "n.selectNodes(['dataset:imagenet']);"
                          "n.moveTo({position: n.getPosition('dataset:imagenet'), scale: 0.72});")
    time.sleep(0.5)
    raw = target.with_suffix(".raw.png")
    driver.save_screenshot(str(raw))
    with Image.open(raw) as image:
        small = image.convert("RGB").quantize(colors=128, method=Image.Quantize.FASTOCTREE,
                                              dither=Image.Dither.NONE)
        small.save(target, optimize=True)
    raw.unlink()
    assert target.stat().st_size < 300_000


def test_viz_browser_overview_page(browser, seed_out):
    assert open_page(browser, seed_out / OVERVIEW_FILE) == []
    counts = browser.execute_script("return window.kgViz.counts()")
    assert counts["nodes"] == counts["expectedNodes"] > 50
    legend = browser.execute_script(
        "return Array.from(document.querySelectorAll('#kg-legend-items li'))"
        ".map(function (li) { return li.getAttribute('data-label'); })")
    assert legend == ["Paper", "Method", "Dataset"]

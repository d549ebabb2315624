"""An interactive page of part of a built graph, one HTML file that works offline (``kg viz``).

selection -> :class:`Subgraph` -> page. A selection names seed nodes (papers by id,
methods or datasets by name or alias, the nodes a Cypher query returns) and grows
them hop by hop up to a depth. A node cap keeps the nearest hops first and, within a
hop, papers, methods and datasets before the other labels, then the nodes linked to
more of the previous hop; when it cuts the graph the subgraph says so.

The page inlines vis-network (MIT or Apache-2.0) from the installed ``pyvis`` wheel,
so it needs no network. The graph travels as JSON in a ``<script
type="application/json">`` with ``<``, ``>`` and ``&`` escaped, and the page's script
puts it on screen as DOM text only; a Content-Security-Policy lets only the page's
own two scripts run. Nodes take the colours of ``cypher/style.grass``.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import html
import importlib.util
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from kg.errors import InputError, KgError
from kg.resources import data_file
from kg.store import Store

DEFAULT_MAX_NODES = 300
# Hops grown from each kind of seed when --depth is not given: a paper's own
# neighbours; a method's or dataset's papers and what those papers use.
DEFAULT_DEPTH = {"paper": 1, "method": 2, "dataset": 2, "query": 0}
FIRST_LABELS = ("Paper", "Method", "Dataset", "Task", "Metric", "Concept")
MAX_TEXT = 1500  # characters of a property kept for the page
OVERVIEW_TOP = 12
OVERVIEW_MAX_NODES = 250
VIS_FILES = ("lib/vis-9.1.2/vis-network.min.js", "lib/vis-9.1.2/vis-network.css")

# A rule of a Neo4j Browser style: matches "node.Paper {\n  color: #0072B2;\n}", not "node.Paper;".
GRASS_RULE = re.compile(r"([\w.]+)\s*\{([^}]*)\}")
# A colour that may go into the page's CSS: matches "#0072B2", not "red;background:url(x)".
HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
# A template slot: matches "{{data}}", not "{data}" or "{{ data }}".
SLOT = re.compile(r"\{\{(\w+)\}\}")
# What must not occur inside an inlined script or style (it would end the element early
# or switch the HTML parser's script state): matches "</script", "<!--"; not "< /script".
UNSAFE_INLINE = re.compile(r"</(script|style)|<!--", re.IGNORECASE)


@dataclass
class Subgraph:
    """Nodes (id -> {id, label, name, props}) and edges ({from, to, type, props, evidence})."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: list[dict[str, Any]] = field(default_factory=list)
    reached: int = 0  # distinct nodes the selection reached (more than shown when cut)
    max_nodes: int = DEFAULT_MAX_NODES

    @property
    def truncated(self) -> bool:
        return self.reached > len(self.nodes)

    @property
    def message(self) -> str | None:
        """What the page and the CLI say when the node cap cut the graph."""
        if not self.truncated:
            return None
        return (
            f"Showing {len(self.nodes)} of at least {self.reached} nodes: the cap of "
            f"{self.max_nodes} nodes (--max-nodes) cut the graph. Lower --depth, narrow "
            "the selection or raise --max-nodes to see the rest."
        )


@dataclass
class Selection:
    """What to show: seeds by kind, hops to grow (None: DEFAULT_DEPTH per kind) and a cap."""

    papers: Sequence[str] = ()
    methods: Sequence[str] = ()
    datasets: Sequence[str] = ()
    query: str | None = None
    depth: int | None = None
    max_nodes: int = DEFAULT_MAX_NODES

    def kinds(self) -> list[str]:
        given = {"paper": self.papers, "method": self.methods, "dataset": self.datasets}
        return [k for k, v in given.items() if v] + (["query"] if self.query else [])


def _node(value: dict[str, Any]) -> dict[str, Any]:
    """A store node (the dict LadybugDB returns) as the page's node."""
    name = value.get("name") or value["id"]
    props = {k: _clipped(v) for k, v in value.items()
             if not k.startswith("_") and k not in ("id", "name")
             and v not in (None, [], "") and not (k == "title" and v == name)}
    return {"id": value["id"], "label": value["_LABEL"], "name": name, "props": props}


def _clipped(value: Any) -> Any:
    """Long texts (abstracts) cut to what a tooltip or the details panel shows."""
    if isinstance(value, str) and len(value) > MAX_TEXT:
        return value[: MAX_TEXT - 1] + "\u2026"
    return value


def _is_node(value: Any) -> bool:
    return isinstance(value, dict) and "_LABEL" in value and "_SRC" not in value and "id" in value


def _values_nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every node inside one query value: a node, a path (``_NODES``) or a list of them."""
    if _is_node(value):
        yield _node(value)
    elif isinstance(value, dict) and "_NODES" in value:
        for item in value["_NODES"]:
            yield from _values_nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from _values_nodes(item)


def query_nodes(store: Store, cypher: str) -> list[dict[str, Any]]:
    """The distinct nodes a user's Cypher query returns (nodes, paths or lists of them)."""
    _, rows = store.query(cypher)
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        for value in row:
            for node in _values_nodes(value):
                found.setdefault(node["id"], node)
    if not found:
        raise InputError("the --query returned no nodes: return nodes or paths, "
                         "e.g. MATCH (p:Paper)-[:USES]->(m:Method) RETURN p, m")
    return list(found.values())


def named(store: Store, label: str, name: str) -> dict[str, Any]:
    """The node of ``label`` whose name or an alias is ``name``, ignoring case."""
    label = store.schema.node(label).label
    wanted = name.casefold().strip()
    names: dict[str, str] = {}
    for node_id, node_name, aliases in store.stream(
        f"MATCH (n:{label}) RETURN n.id, n.name, n.aliases ORDER BY n.papers DESC, n.id"
    ):
        for form in [node_name, *(aliases or [])]:
            names.setdefault(form.casefold(), node_id)
    if wanted not in names:
        close = difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.75)
        hint = f"; close names: {', '.join(close)}" if close else ""
        raise InputError(f"no {label} is named {name!r} (name or alias, any case){hint}")
    _, rows = store.query(f"MATCH (n:{label}) WHERE n.id = $id RETURN n", {"id": names[wanted]})
    return _node(rows[0][0])


def paper(store: Store, key: str) -> dict[str, Any]:
    """The paper whose id or arXiv id is ``key`` (``arxiv:2401.00001`` or ``2401.00001``)."""
    keys = list(dict.fromkeys([key, key.removeprefix("arxiv:")]))
    _, rows = store.query(
        "MATCH (p:Paper) WHERE p.id IN $keys OR p.arxiv_id IN $keys RETURN p ORDER BY p.id",
        {"keys": keys},
    )
    if not rows:
        raise InputError(f"no paper has the id or arXiv id {key!r}")
    return _node(rows[0][0])


def seeds(store: Store, selection: Selection) -> list[dict[str, Any]]:
    """The seed nodes of a selection, in the order given, each once."""
    found = [paper(store, key) for key in selection.papers]
    found += [named(store, "Method", name) for name in selection.methods]
    found += [named(store, "Dataset", name) for name in selection.datasets]
    if selection.query:
        found += query_nodes(store, selection.query)
    return list({node["id"]: node for node in found}.values())


def _rank(label: str) -> int:
    return FIRST_LABELS.index(label) if label in FIRST_LABELS else len(FIRST_LABELS)


def grow(store: Store, start: Sequence[dict[str, Any]], depth: int, max_nodes: int) -> Subgraph:
    """The seeds and the nodes up to ``depth`` hops away, at most ``max_nodes`` of them.

    Each hop reads only ids, labels and names of the neighbours; the properties are read
    for the nodes kept, so a hub with many thousands of papers costs little.
    """
    chosen = {node["id"]: node for node in start[:max_nodes]}
    reached = {node["id"] for node in start}
    frontier = list(chosen)
    for _ in range(depth):
        if not frontier:
            break
        links: Counter[str] = Counter()
        found: dict[str, tuple[int, str]] = {}
        for node_id, label, name in store.stream(
            "MATCH (a)-[]-(b) WHERE a.id IN $ids RETURN b.id, label(b), b.name", {"ids": frontier}
        ):
            if node_id not in reached:
                links[node_id] += 1
                found[node_id] = (_rank(label), (name or node_id).casefold())
        reached |= found.keys()
        ranked = sorted(found, key=lambda i: (found[i][0], -links[i], found[i][1], i))
        frontier = ranked[: max(0, max_nodes - len(chosen))]
        chosen.update(fetch(store, frontier))
    graph = Subgraph(chosen, [], len(reached), max_nodes)
    graph.edges = induced_edges(store, list(chosen))
    return graph


def fetch(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The nodes with these ids, in the order given."""
    if not ids:
        return {}
    found = {row[0]["id"]: _node(row[0]) for row in
             store.stream("MATCH (n) WHERE n.id IN $ids RETURN n", {"ids": list(ids)})}
    return {node_id: found[node_id] for node_id in ids if node_id in found}


def induced_edges(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """The relationships among ``ids``; repeats of (from, type, to) merged, evidence kept."""
    if not ids:
        return []
    evidence_keys = set(store.schema.evidence)
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for source, rel, target in store.stream(
        "MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN a.id, r, b.id "
        "ORDER BY a.id, b.id", {"ids": ids}
    ):
        key = (source, rel["_LABEL"], target)
        edge = merged.setdefault(key, {"from": source, "to": target, "type": rel["_LABEL"],
                                       "props": {}, "evidence": []})
        values = {k: v for k, v in rel.items() if not k.startswith("_") and v is not None}
        if values.get("sentence"):
            edge["evidence"].append({k: v for k, v in values.items() if k in evidence_keys})
        for name, value in values.items():
            if name not in evidence_keys:
                edge["props"].setdefault(name, value)
    return list(merged.values())


def select(store: Store, selection: Selection) -> Subgraph:
    """The subgraph a selection shows (the overview when it names nothing)."""
    kinds = selection.kinds()
    if not kinds:
        return overview(store, max_nodes=selection.max_nodes)
    depth = selection.depth
    if depth is None:
        depth = max(DEFAULT_DEPTH[kind] for kind in kinds)
    return grow(store, seeds(store, selection), depth, selection.max_nodes)


def overview(store: Store, top: int = OVERVIEW_TOP, max_nodes: int = OVERVIEW_MAX_NODES
             ) -> Subgraph:
    """The most connected methods and datasets with their papers (papers on more of them first)."""
    hubs: list[dict[str, Any]] = []
    for label in ("Method", "Dataset"):
        _, rows = store.query(
            f"MATCH (n:{store.schema.node(label).label}) WHERE n.papers > 0 "
            "RETURN n ORDER BY n.papers DESC, n.name LIMIT $top", {"top": top})
        hubs += [_node(row[0]) for row in rows]
    hubs = hubs[:max_nodes]
    if not hubs:
        return Subgraph(max_nodes=max_nodes)
    _, rows = store.query(
        "MATCH (p:Paper)-[]->(n) WHERE n.id IN $ids "
        "RETURN p, count(DISTINCT n) AS hubs ORDER BY hubs DESC, p.id LIMIT $room",
        {"ids": [hub["id"] for hub in hubs], "room": max_nodes - len(hubs) + 1},
    )
    papers = [_node(row[0]) for row in rows]
    chosen = {node["id"]: node for node in [*hubs, *papers[: max_nodes - len(hubs)]]}
    graph = Subgraph(chosen, [], len(hubs) + len(papers), max_nodes)  # +1 row: was it cut?
    graph.edges = induced_edges(store, list(chosen))
    return graph


@cache
def palette() -> dict[str, dict[str, str]]:
    """Colour, border and text colour per label, read from ``cypher/style.grass``."""
    text = data_file("cypher", "style.grass").read_text(encoding="utf-8")
    rules = {}
    for selector, body in GRASS_RULE.findall(text):
        pairs = (item.split(":", 1) for item in body.split(";") if ":" in item)
        rules[selector] = {k.strip(): v.strip() for k, v in pairs}
    default = rules.get("node", {})
    styles = {}
    for selector, rule in rules.items():
        if selector.startswith("node."):
            merged = {**default, **rule}
            styles[selector[5:]] = {
                "color": _colour(merged.get("color"), "#A5ABB6"),
                "border": _colour(merged.get("border-color"), "#9AA1AC"),
                "text": _colour(merged.get("text-color-internal"), "#FFFFFF"),
            }
    return styles


def _colour(value: str | None, fallback: str) -> str:
    return value.upper() if value and HEX_COLOUR.fullmatch(value) else fallback


@cache
def library_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS from the installed ``pyvis`` wheel (never a CDN)."""
    # find_spec locates the package without importing it (pyvis imports IPython).
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise KgError("kg viz needs the 'pyvis' package (it ships vis-network): pip install pyvis")
    root = Path(next(iter(spec.submodule_search_locations)))
    try:
        js, css = ((root / name).read_text(encoding="utf-8") for name in VIS_FILES)
    except OSError as error:
        raise KgError(f"vis-network is missing from the installed pyvis: {error}") from error
    for text in (js, css):
        if UNSAFE_INLINE.search(text):
            raise KgError("this vis-network build cannot be inlined safely (contains </script)")
    return js, css


def page_data(graph: Subgraph, title: str) -> dict[str, Any]:
    """Everything the page's script needs, as plain JSON-able values."""
    styles = palette()
    labels = [label for label in styles if any(n["label"] == label for n in graph.nodes.values())]
    return {
        "title": title,
        "nodes": list(graph.nodes.values()),
        "edges": graph.edges,
        "styles": styles,
        "labels": labels,
        "message": graph.message,
    }


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can end or open a tag."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _csp(scripts: Iterable[str]) -> str:
    """Only these inline scripts may run; nothing is fetched but data: images."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def render(graph: Subgraph, title: str = "kg graph") -> str:
    """The page: one self-contained HTML document."""
    js, css = library_assets()
    package = files("kg")
    template = (package / "viz_page.html").read_text(encoding="utf-8")
    app = (package / "viz_page.js").read_text(encoding="utf-8")
    slots = {
        "title": html.escape(title, quote=True),
        "csp": html.escape(_csp([js, app]), quote=False).replace('"', "&quot;"),
        "library_css": css,
        "library_js": js,
        "app_js": app,
        "data": script_json(page_data(graph, title)),
    }
    return SLOT.sub(lambda match: slots[match.group(1)], template)  # one pass: no re-expansion


def write_page(graph: Subgraph, path: str | Path, title: str = "kg graph") -> Path:
    """Write the page to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    try:
        path.write_text(render(graph, title), encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from error
    return path


def write_overview(store: Store, path: str | Path) -> Subgraph:
    """``overview.html`` of a build folder: the most connected methods and datasets."""
    graph = overview(store)
    write_page(graph, path, "kg overview: the most connected methods and datasets")
    return graph

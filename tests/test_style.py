"""``cypher/style.grass``, the Neo4j Browser style: a colour and a caption for every schema label.

Drag the file onto Neo4j Browser (or run ``:style`` and paste it). The palette
is Okabe-Ito (colour-blind safe), one colour per label, for reuse by other viewers.
"""

from __future__ import annotations

import re

from kg.resources import data_file
from kg.schema import load_schema

# A selector Browser understands: "node", "node.Paper", "relationship.USES"; not "/* x */node".
SELECTOR = re.compile(r"^(node|relationship)(\.[A-Za-z_][A-Za-z0-9_]*)?$")
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """Rules as Neo4j Browser reads them (``graphStyle.ts`` ``parse``): no comments, '' strings.

    Outside braces every non-space character joins the selector, so a comment
    would corrupt the next selector; inside, ``;`` separates and ``:`` splits.
    """
    rules: dict[str, str] = {}
    selector, body, in_string, in_body = "", "", False, False
    for char in text:
        if char == "'":
            in_string = not in_string
        elif char == "{" and not in_string:
            in_body = True
        elif char == "}" and not in_string:
            rules[selector], selector, body, in_body = body, "", "", False
        elif in_body:
            body += char
        elif not char.isspace():
            selector += char
    parsed = {}
    for name, raw in rules.items():
        pairs = [prop.split(":") for prop in raw.split(";")]
        parsed[name] = {p[0].strip(): p[1].strip() for p in pairs if len(p) > 1 and p[1].strip()}
    return parsed


def grass() -> dict[str, dict[str, str]]:
    return parse_grass(data_file("cypher", "style.grass").read_text(encoding="utf-8"))


def test_style_every_schema_label_has_a_colour_and_caption():
    rules = grass()
    for label, node in load_schema().nodes.items():
        rule = rules.get(f"node.{label}")
        assert rule is not None, f"cypher/style.grass has no node.{label}"
        assert COLOUR.match(rule.get("color", "")), label
        caption = re.fullmatch(r"\{(\w+)\}", rule.get("caption", ""))
        assert caption and caption.group(1) in node.properties, label


def test_style_selectors_are_ones_browser_reads_and_labels_the_schema_declares():
    rules = grass()
    assert all(SELECTOR.match(name) for name in rules), sorted(rules)
    labels = {name.partition(".")[2] for name in rules if name.startswith("node.")}
    assert labels == set(load_schema().nodes)
    assert {"node", "relationship"} <= set(rules)


def test_style_colours_tell_labels_apart():
    colours = [rule["color"].upper() for name, rule in grass().items() if name.startswith("node.")]
    assert len(set(colours)) == len(colours)

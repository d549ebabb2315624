from __future__ import annotations

import pytest

from kg.duplicates import LOOSE_DROP, candidates, loose, one_edit_apart
from kg.graph import GraphBuilder
from kg.records import RunReport
from kg.store import Store
from tests.conftest import entity, record


@pytest.mark.parametrize("text, expected", [
    ("the imagenet", "imagenet"), ("diffusion models", "diffusion model"), ("class", "clas"),
])
def test_duplicates_loose_drop(text, expected):
    assert LOOSE_DROP.sub("", text) == expected


def test_duplicates_one_edit_apart():
    assert one_edit_apart("voxelmorph", "voxelmorps")
    assert one_edit_apart("voxelmorph", "voxelmorphs")
    assert not one_edit_apart("voxelmorph", "voxelmorph")
    assert not one_edit_apart("voxelmorph", "vaxelmorps")


def test_duplicates_lists_probable_pairs_with_reasons(tmp_path):
    records = [
        record("a", "A", methods=[entity("VoxelMorph"), entity("HyperMorph")],
               datasets=[entity("The Pile")]),
        record("b", "B", methods=[entity("VoxelMorphs2")], datasets=[entity("Pile")]),
        record("c", "C", methods=[entity("VoxelMorpho")]),
    ]
    builder = GraphBuilder(RunReport())
    builder.index_records(records)
    with Store.create(tmp_path) as store:
        store.load(builder.items(records))
    with Store(tmp_path) as store:
        found = {(c.label, c.first_name, c.second_name, c.reason) for c in candidates(store)}
    assert ("Method", "VoxelMorph", "VoxelMorpho", "edit distance 1") in found
    assert ("Dataset", "Pile", "The Pile", "loose form") in found
    assert not any("HyperMorph" in (f[1], f[2]) for f in found)
    assert loose("The Pile") == loose("Pile")


def test_duplicates_numbered_family_members_are_not_listed():
    from kg.duplicates import _numbered_variants
    assert _numbered_variants("resnet20", "resnet50")
    assert not _numbered_variants("patternet", "patternnet")

"""History patches: applying the after-patch to the old record gives the new one, and back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from closure_tui.domain.patches import apply, project, shrink

LEAF = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=3))
JSON = st.recursive(
    LEAF,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from("abc"), inner, max_size=3)
    ),
    max_leaves=12,
)
DOC = st.dictionaries(st.sampled_from("abcd"), JSON, max_size=4)


@given(old=DOC, new=DOC)
def test_patches_take_a_record_from_one_version_to_the_other(old, new) -> None:
    pair = shrink(old, new)
    if old.keys() != new.keys():
        assert pair is None
        return
    before, after = pair
    assert apply(old, after, before) == new
    assert apply(new, before, after) == old
    assert project(old, before, after) == before
    assert project(new, after, before) == after


def test_a_patch_holds_only_what_changed() -> None:
    old = {"name": "借呗", "stages": {"paid": {"state": "todo", "done_on": None}, "x": {"k": 1}}}
    new = {
        "name": "借呗",
        "stages": {"paid": {"state": "done", "done_on": "2026-11-29"}, "x": {"k": 1}},
    }
    assert shrink(old, new) == (
        {"stages": {"paid": {"state": "todo", "done_on": None}}},
        {"stages": {"paid": {"state": "done", "done_on": "2026-11-29"}}},
    )


def test_an_object_that_gains_a_key_is_replaced_whole() -> None:
    old = {"payee": {"name": "a"}}
    new = {"payee": {"name": "a", "bank": "b"}}
    before, after = shrink(old, new)
    assert (before, after) == (old, new)
    assert apply({"payee": {"name": "a", "bank": "b"}}, before, after) == old

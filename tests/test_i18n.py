"""Every UI string exists in both languages, and the language follows the rules."""

from __future__ import annotations

import re

import pytest

from closure_tui import i18n
from closure_tui.domain.stages import STAGE_ORDER

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_every_key_has_both_languages() -> None:
    missing = [key for key, (zh, en) in i18n.CATALOGUE.items() if not zh.strip() or not en.strip()]
    assert missing == []


def test_placeholders_match_between_languages() -> None:
    mismatched = [
        key
        for key, (zh, en) in i18n.CATALOGUE.items()
        if set(PLACEHOLDER.findall(zh)) != set(PLACEHOLDER.findall(en))
    ]
    assert mismatched == []


def test_chinese_text_is_chinese() -> None:
    i18n.set_language("zh")
    assert i18n.t("stage.paid") == "已还款至核实的对公账户"
    i18n.set_language("en")
    assert i18n.t("stage.paid") == "Paid to verified account"


def test_every_stage_has_a_label_and_help() -> None:
    for key in STAGE_ORDER:
        assert f"stage.{key.value}" in i18n.CATALOGUE
        assert f"stage.{key.value}.help" in i18n.CATALOGUE


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_language_follows_locale(environ: dict[str, str], expected: str) -> None:
    assert i18n.detect_language(environ) == expected

"""Domain errors carry a catalogue key and parameters, so every layer can translate them."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

_NO_PARAMS: Mapping[str, Any] = MappingProxyType({})


class Problem(NamedTuple):
    """A translatable message: a catalogue key plus its parameters. A message, not a
    record: a NamedTuple, as `closure_tui.store.store.Notice` says why."""

    key: str
    params: Mapping[str, Any] = _NO_PARAMS


class DomainError(ValueError):
    """Input the rules refuse; nothing was changed."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.problem = Problem(key, params)

    @property
    def key(self) -> str:
        return self.problem.key

    @property
    def params(self) -> Mapping[str, Any]:
        return self.problem.params

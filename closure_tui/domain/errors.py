"""Domain errors carry a catalogue key and parameters, so every layer can translate them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

_NO_PARAMS: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Problem:
    """A translatable message: a catalogue key plus its parameters."""

    key: str
    params: Mapping[str, Any] = field(default_factory=lambda: _NO_PARAMS)


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

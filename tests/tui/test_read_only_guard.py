"""Every screen that binds a write action decides (`check_action`) whether to show it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding
from textual.screen import Screen

import closure_tui.tui.modals
import closure_tui.tui.screens
from closure_tui.tui.actions import WRITE_ACTIONS, WriteGuard


def screen_classes() -> list[type[Screen]]:
    found: list[type[Screen]] = []
    for package in (closure_tui.tui.screens, closure_tui.tui.modals):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for _name, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, Screen) and value.__module__ == module.__name__:
                    found.append(value)
    return found


def test_screens_with_write_bindings_are_guarded() -> None:
    unguarded = [
        cls.__name__
        for cls in screen_classes()
        if any(binding.action in WRITE_ACTIONS for binding in Binding.make_bindings(cls.BINDINGS))
        and not (issubclass(cls, WriteGuard) or "check_action" in cls.__dict__)
    ]
    assert unguarded == []


def test_the_dashboard_is_found() -> None:
    assert "DashboardScreen" in [cls.__name__ for cls in screen_classes()]

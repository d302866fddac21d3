"""Settings shared by the state-machine tests, which drive the real store."""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def machine_settings(max_examples: int) -> settings:
    """Sequences of up to 20 changes; no deadline per step, since each one saves files."""
    return settings(
        max_examples=max_examples,
        stateful_step_count=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )

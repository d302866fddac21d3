"""Conduct checks: the collection rules the source names, applied to a platform's contacts.

Pure functions of the contacts and the thresholds (`[conduct]` in `config.toml`), so the
dashboard, the platform screen, `contacts --json` and the complaint pack agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum

from closure_tui.domain.conduct_rules import ConductRules
from closure_tui.domain.contacts import Channel, Contact, Direction, Party


class Breach(StrEnum):
    TOO_MANY_CALLS = "too_many_calls"
    OUTSIDE_HOURS = "outside_hours"
    WORKPLACE = "workplace"
    CONTACTS_CALLED = "contacts_called"
    NO_STAFF_ID = "no_staff_id"


#: Parties doing collection: their calls count towards the daily limit.
COLLECTING = frozenset({Party.POST_LOAN, Party.COLLECTOR, Party.LAWYER})
#: Parties that must give a staff or bar number.
MUST_IDENTIFY = frozenset({Party.COLLECTOR, Party.LAWYER})


def _outside_hours(contact: Contact, rules: ConductRules) -> bool:
    reaches = contact.is_call or (
        contact.direction is Direction.IN and contact.channel is Channel.VISIT
    )
    moment = contact.at.time()
    return reaches and not rules.earliest <= moment <= rules.latest


def _own_breaches(contact: Contact, rules: ConductRules) -> list[Breach]:
    found = []
    if _outside_hours(contact, rules):
        found.append(Breach.OUTSIDE_HOURS)
    if contact.workplace:
        found.append(Breach.WORKPLACE)
    if contact.contacts_called:
        found.append(Breach.CONTACTS_CALLED)
    if contact.party in MUST_IDENTIFY and not contact.staff_id.strip():
        found.append(Breach.NO_STAFF_ID)
    return found


def breaches(
    contacts: Iterable[Contact], rules: ConductRules | None = None
) -> dict[int, tuple[Breach, ...]]:
    """Each contact's breaches by id (contacts without any are left out). Every collection
    call on a day with more than the allowed number carries `too_many_calls`."""
    rules = rules or ConductRules()
    listed = list(contacts)
    per_day: defaultdict[tuple[int, date], list[Contact]] = defaultdict(list)
    for contact in listed:
        if contact.is_call and contact.party in COLLECTING:
            per_day[(contact.platform_id, contact.at.date())].append(contact)
    crowded = {
        c.id for calls in per_day.values() if len(calls) > rules.max_calls_per_day for c in calls
    }
    found: dict[int, tuple[Breach, ...]] = {}
    for contact in listed:
        own = _own_breaches(contact, rules)
        if contact.id in crowded:
            own.insert(0, Breach.TOO_MANY_CALLS)
        if own:
            found[contact.id] = tuple(own)
    return found


def platforms_in_breach(
    contacts: Iterable[Contact], rules: ConductRules | None = None
) -> dict[int, int]:
    """How many of each platform's contacts breach a rule (platforms without any left out)."""
    listed = list(contacts)
    owners = {c.id: c.platform_id for c in listed}
    counts: defaultdict[int, int] = defaultdict(int)
    for contact_id in breaches(listed, rules):
        counts[owners[contact_id]] += 1
    return dict(counts)


def cited_breaches(
    found: Mapping[int, tuple[Breach, ...]], cited: Iterable[int]
) -> tuple[Breach, ...]:
    """The distinct breaches of the cited contacts, in rule order (a complaint's grounds)."""
    wanted = {b for contact_id in cited for b in found.get(contact_id, ())}
    return tuple(b for b in Breach if b in wanted)

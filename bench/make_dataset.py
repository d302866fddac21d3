"""Build a realistic closure-tui data directory through the project's own services.

    python bench/make_dataset.py --data-dir DIR --platforms 500 --notes 10000 [--reminders K]

Platforms are named P0001, P0002, ...; each gets a kind, amounts and a random but
reproducible amount of progress (ticked and skipped stages, evidence, a verified
payee and payments, which schedule the follow-up reminders); notes are about 200
Chinese characters each; `--reminders K` adds K manual reminders. Everything goes
through `Closures`, grouped in one store transaction per chunk so a 500 / 10,000
store builds in seconds.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import datetime
from pathlib import Path

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import STAGE_ORDER, StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.session import closures_session

#: The day the dataset is made: every stage it ticks is done by then (no future done dates).
START = datetime(2026, 4, 1, 9, 0, 0)
KINDS = ("online_loan", "credit_card", "bank_loan", "online_loan_unreported", "other")
CHUNK = 200

_PHRASES = (
    "今天上午打了官方客服电话，转接到贷后部门的工作人员，",
    "对方确认可以一次性结清，只还本金，减免全部利息和罚息，",
    "要求在一周内把钱转到对公账户，过期减免方案就会取消，",
    "我让对方把结清方案通过官方渠道发短信给我留作凭证，",
    "又打了征信报告上出资方银行的客服，核实了收款账户，",
    "第三方催收打来电话要我转到个人账户，我拒绝了，",
    "转账成功后保存了回单截图，流水号已经记在备注里，",
    "客服说结清证明需要三到五个工作日才能开出来，",
    "收到了盖章的结清证明，已经打印一份放在文件袋里，",
    "在应用里提交了注销账户申请，客服电话确认已经注销，",
    "额度还在，需要同时联系平台和银行两边注销授信额度，",
    "绑定的两张银行卡都已经解绑，防止以后自动扣款，",
    "一两个月以后要再查一次征信，确认账户状态已经更新，",
    "通话录音已经保存，编号和时间都记下来了，",
)


def note_text(rng: random.Random) -> str:
    """About 200 characters of plausible Chinese call notes."""
    parts: list[str] = []
    while sum(len(part) for part in parts) < 190:
        parts.append(rng.choice(_PHRASES))
    return "".join(parts).rstrip("，") + "。"


def _progress(service: Closures, platform_id: int, rng: random.Random) -> None:
    """Tick a random prefix of the stages, skip one now and then, add the evidence."""
    done = rng.choice((0, 0, 1, 2, 2, 3, 4, 5, 6, 6))
    for key in STAGE_ORDER[:done]:
        if key is StageKey.PAID:
            settled = service.get(platform_id).settled
            service.set_payee(
                platform_id,
                name="某某消费金融有限公司",
                bank="招商银行",
                account=f"6225{rng.randrange(10**12):012d}",
                verified_via="官方客服热线",
                verified_on="2026-03-10",
            )
            half = (settled / 2).quantize(settled) if settled else None
            if half:
                service.add_payment(
                    platform_id, str(half), "2026-03-12", f"回单{rng.randrange(10**6)}"
                )
                service.add_payment(platform_id, str(settled - half), "2026-03-20")
        if key is StageKey.NEGOTIATED:
            service.set_evidence(
                platform_id, key, {"pay_by": "2026-04-08", "agreed_with": "贷后 王女士"}
            )
        if key is StageKey.CREDIT_LINE_CANCELLED and rng.random() < 0.2:
            service.skip(platform_id, key, "该平台没有单独的授信额度")
        else:
            service.tick(platform_id, key, "2026-04-01")


def build(
    data_dir: Path, platforms: int, notes: int, reminders: int = 0, seed: int = 7
) -> dict[str, float]:
    """Create the store in `data_dir` (which should be empty); returns timings in seconds."""
    rng = random.Random(seed)
    clock = FixedClock(START)
    started = time.perf_counter()
    with closures_session(data_dir, clock, writable=True) as service:
        ids: list[int] = []
        for first in range(0, platforms, CHUNK):
            with service.store.transaction():
                for number in range(first + 1, min(first + CHUNK, platforms) + 1):
                    original = rng.randrange(3_000, 200_000)
                    platform = service.add_platform(
                        f"P{number:04d}",
                        kind=KINDS[number % len(KINDS)],
                        original=str(original),
                        settled=str(original * rng.randrange(40, 95) // 100),
                        hotline=f"95{rng.randrange(100, 999)}",
                        funder="某某银行",
                    ).value
                    ids.append(platform.id)
                    _progress(service, platform.id, rng)
        platforms_done = time.perf_counter()
        for first in range(0, notes, CHUNK * 10):
            with service.store.transaction():
                for _ in range(first, min(first + CHUNK * 10, notes)):
                    clock.advance(minutes=rng.randrange(1, 40))
                    stage = rng.choice((None, *STAGE_ORDER))
                    service.add_note(rng.choice(ids), note_text(rng), stage)
        notes_done = time.perf_counter()
        _add_reminders(service, ids, reminders, rng)
    return {
        "platforms_s": platforms_done - started,
        "notes_s": notes_done - platforms_done,
        "total_s": time.perf_counter() - started,
    }


def _add_reminders(service: Closures, ids: list[int], count: int, rng: random.Random) -> None:
    """Manual reminders (follow-ups are already scheduled by ticking, as in real use)."""
    from closure_tui.services.reminders import Reminders

    reminders = Reminders(service)
    texts = ("回电话确认额度已注销", "查一次征信，看账户状态", "催结清证明", "确认银行卡已解绑")
    with service.store.transaction():
        for _ in range(count):
            day = f"2026-{rng.randrange(4, 13):02d}-{rng.randrange(1, 29):02d}"
            reminders.add(rng.choice(ids), day, rng.choice(texts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--platforms", type=int, default=50)
    parser.add_argument("--notes", type=int, default=500)
    parser.add_argument("--reminders", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.data_dir.exists() and any(args.data_dir.iterdir()):
        parser.error(f"{args.data_dir} is not empty")
    timings = build(args.data_dir, args.platforms, args.notes, args.reminders, args.seed)
    print(
        f"{args.platforms} platforms, {args.notes} notes in {args.data_dir}: "
        + ", ".join(f"{key} {value:.2f}" for key, value in timings.items())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

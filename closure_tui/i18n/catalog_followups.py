"""Follow-up rules: refusals of dates a follow-up cannot take, and reminders kept with such dates."""

FOLLOWUPS: dict[str, tuple[str, str]] = {
    "err.pay_by.before_negotiated": (
        "最后还款日 {pay_by} 早于协商日期 {negotiated}：请检查日期。什么都没有改动。",
        "The pay-by date {pay_by} is before the day it was negotiated ({negotiated}): "
        "check the date. Nothing was changed.",
    ),
    "err.followup.range": (
        "这样会把自动提醒“{followup}”定在 {date}，超出了 {min} 至 {max} 的范围：请检查日期。"
        "什么都没有改动。",
        "This would date the follow-up “{followup}” {date}, outside {min} to {max}: "
        "check the date. Nothing was changed.",
    ),
    "warn.reminder.bad_date": (
        "提醒 #{id} 的日期 {date} 超出了 {min} 至 {max} 的范围（旧版本写入的），没有列出。"
        "用 closure-tui snooze {id} 日期 改期，或 closure-tui dismiss {id} 忽略它。",
        "Reminder #{id} is dated {date}, outside {min} to {max} (an older version wrote it), "
        "and is not listed. Give it a date with closure-tui snooze {id} DATE, or drop it "
        "with closure-tui dismiss {id}.",
    ),
    "doctor.reminder_bad_date": (
        "提醒 #{id} 的日期 {date} 超出范围，列表和日历中都不会显示。"
        "用 closure-tui snooze {id} 日期 改期，或 closure-tui dismiss {id} 忽略它。",
        "Reminder #{id} is dated {date}, out of range, so no list or calendar shows it. "
        "Give it a date with closure-tui snooze {id} DATE, or drop it with "
        "closure-tui dismiss {id}.",
    ),
}

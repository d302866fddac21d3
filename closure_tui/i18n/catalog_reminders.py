"""Reminder text: follow-up wording, due lines, calendar export and their refusals."""

REMINDERS: dict[str, tuple[str, str]] = {
    "field.reminder_text": ("提醒内容", "Reminder text"),
    "reminder.kind.offer_lapse": (
        "结清方案即将过期：请在约定的最后还款日前还款",
        "The settlement offer lapses soon: pay by the agreed date",
    ),
    "reminder.kind.certificate": (
        "向平台索要盖章的结清证明",
        "Ask for the stamped settlement certificate",
    ),
    "reminder.kind.credit_report": (
        "查一下征信，确认已显示结清/销户",
        "Check the credit report (征信) shows it settled/closed",
    ),
    "reminder.kind.deduction_check": (
        "检查银行卡没有再被自动扣款",
        "Check no automatic deduction happened",
    ),
    "reminder.subject.credit_report": ("征信复查", "Credit report check"),
    "reminder.subject.deduction_check": ("扣款检查", "Deduction check"),
    "reminder.subject.none": ("—", "—"),
    "reminder.state.open": ("待办", "open"),
    "reminder.state.done": ("已完成", "done"),
    "reminder.state.dismissed": ("已忽略", "dismissed"),
    "reminder.overdue": ("已逾期 {days} 天", "overdue by {days} days"),
    "reminder.overdue_one": ("已逾期 1 天", "overdue by 1 day"),
    "reminder.today": ("今天到期", "due today"),
    "reminder.in_days": ("{days} 天后到期", "due in {days} days"),
    "reminder.in_one_day": ("明天到期", "due tomorrow"),
    "reminder.snoozed": ("（推迟自 {date}）", "(snoozed from {date})"),
    "err.reminder.not_found": (
        "找不到提醒“{ref}”。用 closure-tui reminders --all 查看所有提醒。",
        "No reminder “{ref}”. See all of them with: closure-tui reminders --all.",
    ),
    "err.reminder.already_done": ("提醒 #{id} 已经完成了。", "Reminder #{id} is already done."),
    "err.reminder.already_dismissed": (
        "提醒 #{id} 已经忽略了。",
        "Reminder #{id} is already dismissed.",
    ),
    "err.reminder.snooze_past": (
        "不能推迟到过去的日期（{date}）：请选今天或以后的日期。",
        "Cannot snooze to a past date ({date}): choose today or later.",
    ),
    "err.reminder.stage_done": (
        "这个步骤已经完成，不需要再提醒了。",
        "That stage is already done; there is nothing to remind you of.",
    ),
    "err.reminder.within": (
        "--within 应是 0 到 {max} 之间的天数。",
        "--within must be a number of days from 0 to {max}.",
    ),
    "err.pay_by.stage": (
        "--pay-by（最后还款日）只能用于 negotiated 步骤。",
        "--pay-by (the agreed pay-by date) only applies to the negotiated stage.",
    ),
    "cli.h.remind": ("为一个平台添加提醒", "add a reminder for a platform"),
    "cli.h.remind_date": (
        "日期：YYYY-MM-DD、today、明天、+10d…",
        "date: YYYY-MM-DD, today, 明天, +10d …",
    ),
    "cli.h.remind_text": ("提醒内容（关联步骤时可省略）", "what to do (optional with --stage)"),
    "cli.h.remind_stage": (
        "关联的步骤：该步骤完成时提醒自动关闭",
        "the stage it belongs to: the reminder closes when that stage is done",
    ),
    "cli.h.due": (
        "列出今天到期和已逾期的提醒（适合放进 shell 启动文件）",
        "list reminders due today or overdue (fit for a shell start-up file)",
    ),
    "cli.h.within": ("同时列出未来 N 天内到期的", "also list those due within N days"),
    "cli.h.quiet": ("没有到期提醒时什么也不输出", "print nothing when nothing is due"),
    "cli.h.reminders": ("列出提醒（默认：未完成的）", "list reminders (default: open ones)"),
    "cli.h.reminders_all": ("包括已完成和已忽略的", "include done and dismissed ones"),
    "cli.h.dismiss": ("忽略一个提醒", "dismiss a reminder"),
    "cli.h.done": ("把一个提醒标记为已完成", "mark a reminder done"),
    "cli.h.snooze": ("把一个提醒推迟到某天", "snooze a reminder until a date"),
    "cli.h.reminder_id": ("提醒编号（如 3 或 #3）", "reminder id (3 or #3)"),
    "cli.h.pay_by": (
        "约定的最后还款日（仅 negotiated）；前一天会自动提醒",
        "the agreed pay-by date (negotiated only); you are reminded the day before",
    ),
    "cli.h.export": ("导出数据", "export your data"),
    "cli.h.format": ("导出格式", "export format"),
    "cli.h.output": ("写入的文件（默认：标准输出）", "file to write (default: standard output)"),
    "cli.reminded": (
        "已添加提醒 #{id}：{name}，{date}。",
        "Reminder #{id} added: {name}, {date}.",
    ),
    "cli.dismissed": ("已忽略提醒 #{id}。", "Reminder #{id} dismissed."),
    "cli.reminder_done": ("提醒 #{id} 已完成。", "Reminder #{id} done."),
    "cli.snoozed": ("提醒 #{id} 推迟到 {date}。", "Reminder #{id} snoozed until {date}."),
    "cli.due.none": ("没有到期的提醒。", "Nothing due."),
    "cli.reminders.none": ("没有提醒。", "No reminders."),
    "cli.exported": ("已导出 {count} 条提醒到 {path}。", "Exported {count} reminders to {path}."),
    "ics.calendar_name": ("结清跟踪提醒", "closure-tui reminders"),
}

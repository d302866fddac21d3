"""Text of the forms that bring the command line's abilities into the terminal app."""

FORMS: dict[str, tuple[str, str]] = {
    "bind.set_done_date": ("完成日期", "Done on"),
    "bind.attach_file": ("附加文件", "Attach file"),
    "form.reminder.date": ("日期", "Date"),
    "form.reminder.text": ("内容", "Text"),
    "form.tick.title": ("完成「{subject}」", "Tick “{subject}”"),
    "form.tick.date_title": ("「{subject}」是哪天完成的？", "When was “{subject}” done?"),
    "form.tick.on": ("完成日期", "Done on"),
    "form.tick.pay_by": ("约定的还款截止日（可不填）", "Agreed pay-by date (optional)"),
    "form.tick.pay_by_hint": (
        "填了就会在截止前提醒你，以免减免方案过期。",
        "If given, you are reminded before it so the offer does not lapse.",
    ),
    "form.attach.title": ("为「{subject}」附加凭证文件", "Attach a file to “{subject}”"),
    "form.attach.path": ("文件路径", "Path of the file"),
    "form.attach.path_hint": ("例如 ~/Documents/结清证明.pdf", "e.g. ~/Documents/certificate.pdf"),
    "form.attach.hint": (
        "按 → 接受补全。会保存路径、大小和 SHA-256，并按设置在数据目录里存一份副本。",
        "→ accepts the completion. Path, size and SHA-256 are kept, and a copy if set so.",
    ),
    "field.evidence_file": ("文件路径", "file path"),
    "tui.attached": ("已附加 {file}（{size} 字节）", "Attached {file} ({size} bytes)"),
    "history.action.paid.edit": ("修改还款凭证", "payee and payments edited"),
}

"""Text of the forms that bring the command line's abilities into the terminal app."""

FORMS: dict[str, tuple[str, str]] = {
    "form.reminder.date": ("日期", "Date"),
    "form.reminder.text": ("内容", "Text"),
    "history.action.paid.edit": ("修改还款凭证", "payee and payments edited"),
}

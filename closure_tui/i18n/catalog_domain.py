"""Messages of the domain rules: refusals, warnings, stage and kind names."""

DOMAIN: dict[str, tuple[str, str]] = {
    "err.money.format": (
        "金额“{value}”无效：请只用 ASCII 数字，最多两位小数，例如 12000 或 12000.50（不要负号、逗号、全角数字或科学计数法）。",
        "Amount “{value}” is not valid: use ASCII digits with at most two decimals, "
        "e.g. 12000 or 12000.50 (no sign, separators, full-width digits or exponents).",
    ),
    "err.money.range": (
        "金额“{value}”超出范围：应在 0 到 10,000,000,000 之间。",
        "Amount “{value}” is out of range: it must be between 0 and 10,000,000,000.",
    ),
    "err.date.format": (
        "日期“{value}”无法识别：请用 YYYY-MM-DD，或 today、tomorrow、今天、明天、+3d、+2w、+1m。",
        "Date “{value}” is not recognised: use YYYY-MM-DD, or today, tomorrow, 今天, 明天, "
        "+3d, +2w, +1m.",
    ),
    "err.date.invalid": (
        "日期“{value}”不存在（请检查月份和日子）。",
        "Date “{value}” does not exist (check the month and day).",
    ),
    "err.date.range": (
        "日期“{value}”超出范围：应在 2000-01-01 到 2100-12-31 之间。",
        "Date “{value}” is out of range: it must be between 2000-01-01 and 2100-12-31.",
    ),
    "err.text.type": ("{field} 必须是文字。", "{field} must be text."),
    "err.text.empty": ("{field} 不能为空。", "{field} must not be empty."),
    "err.text.too_long": (
        "{field} 太长：{length} 个字符，最多 {max} 个。",
        "{field} is too long: {length} characters, at most {max}.",
    ),
    "err.text.control": (
        "{field} 第 {position} 个字符（{code}）是控制字符，不能使用。",
        "{field} contains a control character ({code}) at position {position}; it is not allowed.",
    ),
    "err.text.invisible": (
        "{field} 第 {position} 个字符（{code}）是看不见的字符，会让两个名称看起来一样，不能使用。",
        "{field} contains an invisible character ({code}) at position {position}; it would make "
        "two names look the same, so it is not allowed.",
    ),
    "err.stage.unknown": (
        "没有“{value}”这个步骤。可选：{choices}。",
        "There is no stage “{value}”. Choose one of: {choices}.",
    ),
    "err.kind.unknown": (
        "没有“{value}”这个类型。可选：{choices}。",
        "There is no kind “{value}”. Choose one of: {choices}.",
    ),
    "err.account.format": (
        "账号只能是 4 到 34 位数字（空格会被忽略）。",
        "An account number is 4 to 34 digits (spaces are ignored).",
    ),
    "err.platform.not_found": (
        "找不到平台“{ref}”。用 closure-tui list --all 查看所有平台。",
        "No platform matches “{ref}”. See all of them with: closure-tui list --all.",
    ),
    "err.platform.ambiguous": (
        "“{ref}”对应多个平台：{matches}。请写完整名称或编号。",
        "“{ref}” matches several platforms: {matches}. Use the full name or the id.",
    ),
    "err.platform.duplicate": (
        "已经有名为“{name}”的平台了。",
        "A platform named “{name}” already exists.",
    ),
    "err.skip.reason": (
        "跳过一个步骤需要写明原因。",
        "Skipping a stage needs a reason.",
    ),
    "err.payment.index": ("没有第 {index} 笔还款。", "There is no payment number {index}."),
    "err.note.not_found": ("找不到备注 #{id}。", "No note #{id}."),
    "warn.unverified_payee": (
        "还没有记录经官方渠道核实的收款对公账户。只向你通过官方客服或 App 核实过的账户付款，第三方催收给的账户可能是骗局。",
        "No payee verified through an official channel is recorded. Pay only an account "
        "you confirmed through the official hotline or app; accounts given by third-party "
        "collectors may be scams.",
    ),
    "warn.no_payments": (
        "还没有记录任何还款，无法核对是否付清了结清金额。",
        "No payment is recorded, so nothing shows the settled amount was paid.",
    ),
    "warn.payments_mismatch": (
        "已记录的还款合计 ¥{paid}，与约定的结清金额 ¥{settled} 不一致。",
        "The recorded payments add up to ¥{paid}, not the agreed settled amount ¥{settled}.",
    ),
    "warn.earlier_todo.one": (
        "前面的步骤“{stage}”还没有完成。",
        "The earlier stage “{stage}” is not done yet.",
    ),
    "warn.earlier_todo": (
        "前面还有 {count} 个步骤没有完成，最早的是“{stage}”。",
        "{count} earlier stages are not done yet, the first being “{stage}”.",
    ),
    "stage.negotiated": ("已协商结清方案", "Negotiated"),
    "stage.paid": ("已还款至核实的对公账户", "Paid to verified account"),
    "stage.certificate": ("已取得结清证明", "Settlement certificate"),
    "stage.account_cancelled": ("已注销账户", "Account cancelled"),
    "stage.credit_line_cancelled": ("已注销额度", "Credit line cancelled"),
    "stage.card_unbound": ("已解绑银行卡", "Card unbound"),
    "stage.negotiated.help": (
        "通过官方渠道（客服→贷后，不是第三方催收）谈好金额和还款截止日。",
        "The official channel (customer service → post-loan staff, not a collector) agreed "
        "an amount and a pay-by date.",
    ),
    "stage.paid.help": (
        "约定金额已付到经官方热线或 App 核实的对公账户。",
        "The agreed amount was paid to a corporate account confirmed via the official "
        "hotline or app.",
    ),
    "stage.certificate.help": (
        "拿到盖章的结清证明，并妥善保管。",
        "The lender issued a stamped settlement certificate, kept safely.",
    ),
    "stage.account_cancelled.help": (
        "在 App 里注销账户并打电话确认（删除 App 不等于注销）。",
        "The account is closed in the app and confirmed by phone (deleting the app is not "
        "closing it).",
    ),
    "stage.credit_line_cancelled.help": (
        "平台和征信上显示的出资方都注销了额度。",
        "The credit line is cancelled with the platform and with the funder shown on the "
        "credit report.",
    ),
    "stage.card_unbound.help": (
        "解绑所有绑定的银行卡，避免自动扣款。",
        "Every bound bank card is unbound, so no automatic deduction happens.",
    ),
    "state.todo": ("待办", "to do"),
    "state.done": ("已完成", "done"),
    "state.skipped": ("不适用", "n/a"),
    "kind.credit_card": ("信用卡", "Credit card"),
    "kind.bank_loan": ("银行贷款", "Bank loan"),
    "kind.online_loan": ("网贷（上征信）", "Online loan"),
    "kind.online_loan_unreported": ("网贷（不上征信）", "Online loan (unreported)"),
    "kind.other": ("其他", "Other"),
    "field.name": ("名称", "name"),
    "field.hotline": ("客服电话", "hotline"),
    "field.app": ("App", "app"),
    "field.funder": ("出资方", "funder"),
    "field.note": ("备注", "note"),
    "field.reason": ("原因", "reason"),
    "field.reference": ("凭证号", "reference"),
    "field.payee_name": ("收款户名", "payee name"),
    "field.bank": ("开户行", "bank"),
    "field.verified_via": ("核实渠道", "verified via"),
    "ev.pay_by": ("还款截止日", "pay by"),
    "ev.agreed_with": ("谈妥的人", "agreed with"),
    "ev.reference": ("录音/工单编号", "recording / ticket ref"),
    "ev.received_on": ("收到日期", "received on"),
    "ev.stamped": ("已盖章", "stamped"),
    "ev.file": ("文件位置", "file location"),
    "ev.channel": ("注销渠道", "channel"),
    "ev.confirmed_by_phone": ("已电话确认", "confirmed by phone"),
    "ev.platform_channel": ("平台注销渠道", "platform channel"),
    "ev.funder_channel": ("出资方注销渠道", "funder channel"),
    "ev.cards": ("已解绑的卡", "cards unbound"),
}

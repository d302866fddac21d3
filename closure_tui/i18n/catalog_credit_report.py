"""Credit report checks and disputes: states, refusals, command line and help text."""

CREDIT_REPORT: dict[str, tuple[str, str]] = {
    "err.report.status": (
        "未知的账户状态“{value}”，可选：{choices}",
        "Unknown account status '{value}'; choose one of: {choices}",
    ),
    "err.report.date": ("征信报告日期 {date} 超出范围", "Report date {date} is out of range"),
    "err.report.source": (
        "请写明征信报告的来源（如 征信中心网站、云闪付）",
        "Say where the report came from (e.g. the credit reference center, 云闪付)",
    ),
    "err.report.line_amount": (
        "只有报告仍显示额度时才能填额度金额",
        "A credit line amount needs the line to be shown on the report",
    ),
    "err.report.file": ("征信报告文件信息不完整", "The report file record is incomplete"),
    "err.report.derived_date": (
        "推算出的日期 {date} 超出 {min} 至 {max} 的范围",
        "The derived date {date} is outside {min} to {max}",
    ),
    "err.report.entry": (
        "无法理解“{value}”：应为 平台=状态[,line=present|absent][,amount=金额]"
        "[,institution=机构名][,overdue-after-settle]",
        "Cannot read '{value}': expected PLATFORM=STATUS[,line=present|absent][,amount=AMOUNT]"
        "[,institution=NAME][,overdue-after-settle]",
    ),
    "err.report.no_platform": (
        "请至少写一个平台及其在报告上的状态",
        "Name at least one platform and its status on the report",
    ),
    "err.report.check_not_found": ("没有编号为 {ref} 的征信核对", "No report check #{ref}"),
    "err.report.check_other_platform": (
        "征信核对 #{id} 不属于这个平台",
        "Report check #{id} is about another platform",
    ),
    "err.dispute.with": (
        "未知的异议受理方“{value}”，可选：{choices}",
        "Unknown dispute receiver '{value}'; choose one of: {choices}",
    ),
    "err.dispute.status": (
        "未知的异议状态“{value}”，可选：{choices}",
        "Unknown dispute status '{value}'; choose one of: {choices}",
    ),
    "err.dispute.step": (
        "异议不能从“{from_status}”改为“{to_status}”",
        "A dispute cannot go from '{from_status}' to '{to_status}'",
    ),
    "err.dispute.before_filed": (
        "日期 {date} 早于异议提交日期 {filed}",
        "The date {date} is before the dispute was filed ({filed})",
    ),
    "err.dispute.not_found": ("没有编号为 {ref} 的异议", "No dispute #{ref}"),
    "field.report_source": ("报告来源", "Report source"),
    "field.institution": ("报告上的机构名", "Institution on the report"),
    "field.dispute_text": ("异议内容", "What is wrong"),
    "field.dispute_reference": ("异议编号", "Dispute reference"),
    "field.dispute_answer": ("答复内容", "Answer"),
    "field.cited": ("引用的证据", "Evidence cited"),
    "report.status.normal": ("正常", "normal"),
    "report.status.settled": ("结清", "settled"),
    "report.status.closed": ("销户", "closed"),
    "report.status.overdue": ("逾期", "overdue"),
    "report.status.bad_debt": ("呆账", "bad debt"),
    "report.state.confirmed": ("征信已确认", "confirmed on the report"),
    "report.state.not_yet": ("征信尚未更新", "not yet on the report"),
    "report.state.discrepancy": ("征信与记录不符", "report discrepancy"),
    "report.state.unchecked": ("未核对征信", "report not checked"),
    "dispute.with.center": ("征信中心", "credit reference center"),
    "dispute.with.institution": ("报送机构", "reporting institution"),
    "dispute.status.filed": ("已提交", "filed"),
    "dispute.status.answered": ("已答复", "answered"),
    "dispute.status.corrected": ("已更正", "corrected"),
    "dispute.status.rejected": ("被驳回", "rejected"),
    "dispute.status.escalated": ("已升级为投诉", "escalated to a complaint"),
    "dispute.overdue": ("已超过 20 天未答复", "unanswered after 20 days"),
    "reminder.kind.dispute_answer": (
        "征信异议答复期限（20 天）已到：确认是否收到书面答复",
        "Dispute answer due (20 days): check for the written answer",
    ),
    "reminder.kind.report_recheck": (
        "再查一次征信，看问题是否已更正",
        "Check the credit report again: is it corrected now?",
    ),
    "reminder.subject.dispute_answer": ("征信异议", "Credit report dispute"),
    "reminder.subject.report_recheck": ("征信复查", "Credit report check"),
    "cli.h.report_check": ("记录一次征信核对", "Record what a credit report shows"),
    "cli.h.report_on": ("报告日期", "Date of the report"),
    "cli.h.report_source": (
        "报告来源（征信中心网站、云闪付、银行 App…）",
        "Where the report came from (center website, 云闪付, a bank app…)",
    ),
    "cli.h.report_file": ("报告文件（会保存一份私有副本）", "Report file (a private copy is kept)"),
    "cli.h.report_entry": (
        "平台=状态[,line=present|absent][,amount=金额][,institution=机构名]"
        "[,overdue-after-settle]；状态：{choices}",
        "PLATFORM=STATUS[,line=present|absent][,amount=AMOUNT][,institution=NAME]"
        "[,overdue-after-settle]; STATUS: {choices}",
    ),
    "cli.h.report_checks": ("列出征信核对", "List credit report checks"),
    "cli.h.dispute": ("记录一项征信异议", "Record a credit report dispute"),
    "cli.h.dispute_with": ("向谁提出：center 或 institution", "Filed with: center or institution"),
    "cli.h.dispute_filed": ("提交日期", "Date filed"),
    "cli.h.dispute_ref": ("受理编号", "Reference number"),
    "cli.h.dispute_check": ("相关的征信核对编号", "The report check it is about"),
    "cli.h.dispute_cite": ("引用的证据（可重复）", "Evidence cited (repeatable)"),
    "cli.h.dispute_text": ("哪里不对", "What is wrong"),
    "cli.h.disputes": ("列出征信异议", "List credit report disputes"),
    "cli.h.dispute_update": ("更新异议状态", "Update a dispute's status"),
    "cli.h.dispute_status": ("新状态", "New status"),
    "cli.h.dispute_on": ("状态日期", "Date of the new status"),
    "cli.h.dispute_answer": ("答复内容", "The answer received"),
    "cli.h.dispute_id": ("异议编号", "Dispute id"),
    "cli.report_checked": (
        "已记录征信核对 #{id}：{name}（{status}）— {state}",
        "Recorded report check #{id}: {name} ({status}) — {state}",
    ),
    "cli.report_hint_dispute": (
        "{name} 的征信与记录不符：可用 `dispute {name} --with center|institution --filed 日期 "
        "--check {id}` 提出异议；已安排 {date} 再查一次征信。",
        "{name}'s report disagrees with the checklist: file a dispute with `dispute {name} "
        "--with center|institution --filed DATE --check {id}`; a new check is set for {date}.",
    ),
    "cli.report_checks.none": ("还没有征信核对记录。", "No report checks yet."),
    "cli.disputes.none": ("还没有征信异议。", "No disputes yet."),
    "cli.disputed": (
        "已记录异议 #{id}（{name}），答复期限 {due}",
        "Recorded dispute #{id} ({name}); answer due {due}",
    ),
    "cli.dispute_updated": ("异议 #{id} 现为：{status}", "Dispute #{id} is now: {status}"),
    "col.report_on": ("报告日期", "Report date"),
    "col.institution": ("机构", "Institution"),
    "col.status": ("状态", "Status"),
    "col.line": ("额度", "Line"),
    "col.judgement": ("结论", "Judgement"),
    "col.filed_with": ("受理方", "Filed with"),
    "col.filed_on": ("提交日期", "Filed"),
    "col.answer_due": ("答复期限", "Answer due"),
    "report.line_shown": ("仍显示", "shown"),
    "report.line_absent": ("无", "none"),
    "report.overdue_mark": ("结清后新增逾期", "overdue after settling"),
    "bind.record_report_check": ("记录征信", "Report check"),
    "bind.file_dispute": ("提异议", "Dispute"),
    "tui.report.title": ("征信", "Credit report"),
    "tui.report.disputes": ("异议", "Disputes"),
    "tui.report.answer_due": ("答复期限 {date}", "answer due {date}"),
    "tui.report.keys": (
        "k 记录一次征信核对 · D 就不符之处提出异议 · U 更新异议进展",
        "k record a report check · D dispute a discrepancy · U move a dispute on",
    ),
    "tui.report.form_title": ("记录征信核对", "Record a credit report check"),
    "tui.report.source_hint": (
        "征信中心网站、云闪付、银行 App…",
        "credit reference center website, 云闪付, a bank app…",
    ),
    "tui.report.file": ("报告文件（可不填）", "Report file (optional)"),
    "tui.report.not_on_report": ("不在报告上", "not on report"),
    "tui.report.amount_hint": ("额度金额", "line amount"),
    "tui.report.saved": (
        "已记录 {count} 条征信记录：{state}",
        "Recorded {count} report line(s): {state}",
    ),
    "tui.dispute.form_title": ("就 {name} 的征信提出异议", "Dispute {name}'s credit report"),
    "tui.dispute.finding.status": ("账户状态为“{status}”", "account status '{status}'"),
    "tui.dispute.finding.line": ("仍显示授信额度", "a credit line still shown"),
    "tui.dispute.finding.mark": ("结清后新增逾期记录", "an overdue mark added after settling"),
    "tui.dispute.list_sep": ("、", ", "),
    "tui.dispute.prefill": (
        "{date} 的征信报告（{source}）中，{account} 显示：{findings}。"
        "该笔债务已于 {paid} 结清，请核实更正。",
        "The credit report of {date} ({source}) shows for {account}: {findings}. "
        "The debt was settled on {paid}; please check and correct it.",
    ),
    "tui.dispute.cite.certificate": ("结清证明", "settlement certificate"),
    "tui.dispute.cite.payments": ("还款记录", "payment records"),
    "tui.dispute.cited_hint": ("用逗号分隔", "separate with commas"),
    "tui.dispute.saved": (
        "已记录异议 #{id}，答复期限 {due}",
        "Dispute #{id} recorded; answer due {due}",
    ),
    "history.action.report.check": ("记录征信核对", "credit report checked"),
    "history.action.dispute.file": ("提出征信异议", "dispute filed"),
    "history.action.dispute.update": ("更新征信异议", "dispute updated"),
    "tui.report.mark_short": ("结清后逾期", "new overdue"),
    "tui.report.line_absent": ("无额度", "no line"),
    "tui.report.line_shown": ("仍有额度", "line shown"),
    "dash.report.confirmed": ("✓ 征信", "✓ report"),
    "dash.report.waiting": ("待查征信", "report due"),
    "dash.report.discrepancy": ("✗ 征信不符", "✗ report"),
    "dash.summary.confirmed": ("征信已确认 {confirmed} 个", "{confirmed} confirmed on the report"),
    "bind.record_report_check.help": (
        "记录一次征信核对：一份报告可同时记录多个平台",
        "Record a credit report check: one report can cover several platforms",
    ),
    "bind.file_dispute.help": (
        "就征信上的不符之处提出异议（按最近一次不符预填）",
        "File a dispute about the report (prefilled from the newest discrepancy)",
    ),
    "help.credit_report": ("征信：结清之后", "The credit report after closing"),
    "help.credit_report.body": (
        "“全部完成”是清单上的说法；“征信已确认”要等征信报告显示该账户已结清或已销户、"
        "不再显示授信额度、结清后没有新增逾期。\n"
        "• 个人信用报告可在中国人民银行征信中心网站查询，或通过云闪付和主要银行的 App 查询；"
        "在征信中心每年可免费查询两次。\n"
        "• 报告上写的是放款机构（常为合作银行，即出资方），不一定是平台名；"
        "一个平台可能对应报告上的几个账户，请逐个记录。\n"
        "• 信息有误或遗漏时，可以向征信中心或报送信息的机构提出异议。"
        "依《征信业管理条例》第二十五条，受理方应当自收到异议之日起 20 日内进行核查和处理，"
        "并书面答复。本应用会在第 20 天提醒“答复期限已到”。\n"
        "• 征信与记录不符时，应用建议提出异议，并安排 30 天后再查一次；异议更正后也会安排复查。",
        "“Closed” is the checklist’s word; “confirmed” means the credit report shows the "
        "account settled (结清) or closed (销户), no credit line left, and no overdue mark "
        "added after settling.\n"
        "• People in mainland China can read their own report from the central bank’s credit "
        "reference center (its website, or through 云闪付 and major banks’ apps); it is free "
        "twice a year there.\n"
        "• The report names the institution that lent (often a partner bank, 出资方), not "
        "always the platform; one platform can appear as several accounts: record each.\n"
        "• Wrong or missing information can be disputed (异议) with the credit reference "
        "center or with the institution that reported it. Under the credit reporting "
        "regulation (征信业管理条例, article 25) it must be checked and answered in writing "
        "within 20 days of receipt; the app reminds you on day 20 (“answer due”).\n"
        "• A discrepancy suggests a dispute and sets a new check 30 days later; a corrected "
        "dispute sets the next check too.",
    ),
    "cli.show.credit_report": ("征信：{state}{when}", "Credit report: {state}{when}"),
    "tui.report.propose_dispute": (
        "征信与记录不符：按 D 提出异议；已安排 {date} 再查一次征信。",
        "The report disagrees with the checklist: press D to file a dispute; a new check is "
        "set for {date}.",
    ),
    "bind.update_dispute": ("异议进展", "Dispute status"),
    "bind.update_dispute.help": (
        "更新异议：已答复、已更正、被驳回或升级为投诉",
        "Move a dispute on: answered, corrected, rejected or escalated to a complaint",
    ),
    "tui.dispute.update_title": ("更新 {name} 的征信异议", "Update a dispute of {name}"),
    "tui.dispute.none_open": (
        "这个平台没有可更新的异议。",
        "This platform has no dispute to move on.",
    ),
}

"""Contact log, conduct checks and complaints: labels, refusals and command-line text."""

CONTACTS: dict[str, tuple[str, str]] = {
    # ---- labels ----------------------------------------------------------------------
    "contact.direction.in": ("来电/来访", "incoming"),
    "contact.direction.out": ("去电/联系对方", "outgoing"),
    "contact.channel.phone": ("电话", "phone"),
    "contact.channel.sms": ("短信", "SMS"),
    "contact.channel.app_chat": ("App 内聊天", "in-app chat"),
    "contact.channel.letter": ("信函", "letter"),
    "contact.channel.visit": ("上门", "visit"),
    "contact.party.official": ("官方客服", "official customer service"),
    "contact.party.post_loan": ("贷后人员", "post-loan staff (贷后)"),
    "contact.party.collector": ("第三方催收", "third-party collector"),
    "contact.party.lawyer": ("律师事务所", "lawyer's office"),
    "contact.party.other": ("其他", "other"),
    "breach.too_many_calls": (
        "同一平台一天内催收电话超过 {max} 次",
        "more than {max} collection calls in one day",
    ),
    "breach.outside_hours": (
        "在 {earliest}–{latest} 以外的时间联系",
        "contact outside {earliest}–{latest}",
    ),
    "breach.workplace": ("联系了工作单位", "called the workplace"),
    "breach.contacts_called": ("联系了通讯录联系人", "called the user's contacts"),
    "breach.no_staff_id": ("拒绝提供工号或律师编号", "gave no staff or bar number"),
    "complaint.channel.platform": ("平台官方客服", "the platform's own customer service"),
    "complaint.channel.12378": ("国家金融监督管理总局 12378", "financial regulator hotline 12378"),
    "complaint.channel.nifa": (
        "中国互联网金融协会网上举报",
        "internet finance association online reporting",
    ),
    "complaint.channel.12321": ("12321 不良信息举报", "12321 spam call and SMS reporting"),
    "complaint.channel.12315": ("12315 消费者投诉", "12315 consumer complaints"),
    "complaint.channel.heimao": ("黑猫投诉", "Heimao complaints (黑猫投诉)"),
    "complaint.channel.bar": ("律师协会 / 司法局", "bar association / justice bureau"),
    "complaint.channel.police": ("公安机关", "police"),
    "complaint.channel.court": ("法院", "court"),
    "complaint.channel.other": ("其他", "other"),
    "complaint.status.filed": ("已提交，待回复", "filed, awaiting reply"),
    "complaint.status.replied": ("已回复", "replied"),
    "complaint.status.resolved": ("已解决", "resolved"),
    "complaint.status.escalated": ("已升级", "escalated"),
    "complaint.overdue": ("回复已逾期 {days} 天", "reply overdue by {days} days"),
    "reminder.kind.complaint_reply": ("投诉回复到期", "complaint reply due"),
    "field.contact_name": ("对方姓名", "their name"),
    "field.staff_id": ("工号或律师编号", "staff or bar number"),
    "field.from_number": ("来电号码", "number they called from"),
    "field.contact_text": ("对方所说或约定的内容", "what was said or agreed"),
    "field.ticket": ("工单号或案件号", "ticket or case number"),
    "field.asked": ("投诉诉求", "what was asked for"),
    "field.outcome": ("结果", "outcome"),
    # ---- refusals --------------------------------------------------------------------
    "err.contact.time": (
        "时间“{value}”无法识别：请用 年-月-日 时:分，例如 2026-11-20 21:40。什么都没有改动。",
        "“{value}” is not a time: use YYYY-MM-DD HH:MM, e.g. 2026-11-20 21:40. "
        "Nothing was changed.",
    ),
    "err.contact.file": ("证据文件记录不完整。", "The evidence file record is incomplete."),
    "err.direction.unknown": (
        "方向“{value}”未知，可选：{choices}。什么都没有改动。",
        "Unknown direction “{value}”; choose one of: {choices}. Nothing was changed.",
    ),
    "err.contact_channel.unknown": (
        "联系方式“{value}”未知，可选：{choices}。什么都没有改动。",
        "Unknown channel “{value}”; choose one of: {choices}. Nothing was changed.",
    ),
    "err.party.unknown": (
        "对方身份“{value}”未知，可选：{choices}。什么都没有改动。",
        "Unknown party “{value}”; choose one of: {choices}. Nothing was changed.",
    ),
    "err.complaint_channel.unknown": (
        "投诉渠道“{value}”未知，可选：{choices}。什么都没有改动。",
        "Unknown complaint channel “{value}”; choose one of: {choices}. Nothing was changed.",
    ),
    "err.complaint_status.unknown": (
        "状态“{value}”未知，可选：{choices}。什么都没有改动。",
        "Unknown status “{value}”; choose one of: {choices}. Nothing was changed.",
    ),
    "err.contact.not_found": (
        "没有编号为 {ref} 的联系记录。",
        "There is no contact #{ref}.",
    ),
    "err.contact.other_platform": (
        "联系记录 #{id} 属于另一个平台，不能在这里引用。什么都没有改动。",
        "Contact #{id} belongs to another platform and cannot be cited here. Nothing was changed.",
    ),
    "err.complaint.not_found": ("没有编号为 {ref} 的投诉。", "There is no complaint #{ref}."),
    "err.complaint.reply_before_filed": (
        "回复期限 {reply_by} 早于投诉日期 {filed}：请检查日期。什么都没有改动。",
        "The reply-due date {reply_by} is before the complaint was filed ({filed}): "
        "check the date. Nothing was changed.",
    ),
    "err.complaint.status_step": (
        "投诉 #{id} 当前状态是 {now}，不能改为 {to}。什么都没有改动。",
        "Complaint #{id} is {now} and cannot become {to}. Nothing was changed.",
    ),
    "err.complaint.status_before_filed": (
        "日期 {on} 早于投诉日期 {filed}：请检查日期。什么都没有改动。",
        "{on} is before the complaint was filed ({filed}): check the date. Nothing was changed.",
    ),
    "err.complaint.escalated_to": (
        "升级后的投诉 #{id} 必须属于同一平台且不是这条投诉本身。什么都没有改动。",
        "The complaint escalated to (#{id}) must be another complaint about the same "
        "platform. Nothing was changed.",
    ),
    # ---- command line ----------------------------------------------------------------
    "cli.h.contact": ("记录一次联系（电话、短信、上门……）", "log a contact (call, SMS, visit...)"),
    "cli.h.contacts": ("列出联系记录及违规情况", "list contacts and their conduct breaches"),
    "cli.h.contact_at": ("时间，年-月-日 时:分（本地时间）", "when, YYYY-MM-DD HH:MM (local time)"),
    "cli.h.contact_text": ("对方所说或约定的内容", "what was said or agreed"),
    "cli.h.contact_file": (
        "证据文件（录音、截图），可重复",
        "evidence file (recording, screenshot); repeatable",
    ),
    "cli.h.workplace": ("对方联系了工作单位", "they called the workplace"),
    "cli.h.contacts_called": ("对方联系了通讯录联系人", "they called the user's contacts"),
    "cli.h.complain": ("记录一次投诉", "record a complaint"),
    "cli.h.complaints": ("列出投诉", "list complaints"),
    "cli.h.complaint": ("更新投诉状态", "update a complaint's status"),
    "cli.h.filed": ("投诉日期", "the date it was filed"),
    "cli.h.reply_by": ("回复期限（默认按渠道计算）", "reply due by (default: per channel)"),
    "cli.h.cite": ("引用的联系记录编号，可重复", "a contact id it cites; repeatable"),
    "cli.h.complaint_text": ("投诉诉求", "what was asked for"),
    "cli.h.complaint_id": ("投诉编号", "complaint id"),
    "cli.h.status_on": ("状态变更日期（默认今天）", "the day of the change (default today)"),
    "cli.h.outcome": ("结果", "the outcome"),
    "cli.h.escalated_to": ("升级到的投诉编号", "the complaint it was escalated to"),
    "cli.contact_added": ("已记录联系 #{id}（{name}）。", "Logged contact #{id} ({name})."),
    "cli.contact_breaches": ("违规：{breaches}", "Breaches: {breaches}"),
    "cli.no_contacts": ("还没有联系记录。", "No contacts logged."),
    "cli.complaint_added": (
        "已记录投诉 #{id}（{name}），回复期限 {reply_by}，已加提醒 #{reminder}。",
        "Recorded complaint #{id} ({name}), reply due {reply_by}; reminder #{reminder} added.",
    ),
    "cli.complaint_moved": (
        "投诉 #{id} 现在是：{status}。",
        "Complaint #{id} is now: {status}.",
    ),
    "cli.no_complaints": ("还没有投诉。", "No complaints recorded."),
}

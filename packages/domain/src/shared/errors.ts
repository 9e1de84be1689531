/**
 * The one catalogue of error codes. Codes are stable strings that clients may branch on; each has a
 * kind, which the server's edge maps to an HTTP status exhaustively (server/src/plugins/problem.ts),
 * and a default message in both languages, which a site may make more specific. A code that is not
 * here does not compile.
 */
export const errorKinds = [
  /** Malformed request: wrong type, unknown field, broken JSON (400). */
  "input",
  /** Who is calling is unknown or wrong: no session, expired session, bad password (401). */
  "authentication",
  /** Known caller, not allowed (403). */
  "access",
  /** Absent, or present but not the caller's to see: answered alike (404). */
  "notFound",
  /** Someone else changed or took it first (409). */
  "conflict",
  "tooLarge",
  "unsupportedMedia",
  /** A rule of the domain or a policy clause says no (422). */
  "rule",
  /** The thing is not in a state that allows this (422, as rule violations were answered before). */
  "state",
  "rateLimited",
  "internal",
] as const;
export type ErrorKind = (typeof errorKinds)[number];

interface CatalogueEntry {
  kind: ErrorKind;
  messageZh: string;
  messageEn: string;
}

const entry = (kind: ErrorKind, messageZh: string, messageEn: string): CatalogueEntry => ({
  kind,
  messageZh,
  messageEn,
});

export const errorCatalogue = {
  // Input and protocol
  VALIDATION: entry("input", "输入有误。", "Invalid input."),
  BAD_JSON: entry("input", "请求体不是有效的 JSON。", "The body is not valid JSON."),
  BAD_REQUEST: entry("input", "请求无效。", "Bad request."),
  ATTACHMENT_EMPTY: entry("input", "文件为空。", "The file is empty."),
  BODY_TOO_LARGE: entry("tooLarge", "请求体过大。", "The request body is too large."),
  ATTACHMENT_TOO_LARGE: entry("tooLarge", "文件过大。", "The file is too large."),
  UNSUPPORTED_MEDIA_TYPE: entry(
    "unsupportedMedia",
    "不支持的内容类型，请使用 application/json。",
    "Unsupported content type; use application/json.",
  ),
  ATTACHMENT_TYPE_MISMATCH: entry(
    "unsupportedMedia",
    "文件内容与允许的类型不符。",
    "The file's content is not of an allowed type.",
  ),

  // Who is calling
  AUTH_REQUIRED: entry("authentication", "请先登录。", "Log in first."),
  SESSION_EXPIRED: entry(
    "authentication",
    "登录已超时（30 分钟无操作），请重新登录。",
    "Your session expired after 30 minutes of inactivity; log in again.",
  ),
  AUTH_INVALID_CREDENTIALS: entry("authentication", "用户名或密码错误。", "Wrong username or password."),
  AUTH_TOO_MANY_GUESSES: entry(
    "rateLimited",
    "该账号从您所在的网络连续输错密码次数过多，请稍后再试。",
    "Too many wrong passwords for this account from your network; try again later.",
  ),
  PASSWORD_CHANGE_REQUIRED: entry(
    "access",
    "首次登录须先修改管理员设置的初始密码。",
    "Change the password an administrator set before doing anything else.",
  ),
  CSRF_FAILED: entry(
    "access",
    "请求校验失败（CSRF），请刷新页面后重试。",
    "CSRF check failed; reload the page and try again.",
  ),
  FORBIDDEN: entry("access", "无权执行此操作。", "You may not do this."),
  DEMO_ACCOUNT_REFUSED: entry(
    "access",
    "生产环境不允许使用演示账号登录。",
    "Demo accounts are refused in production.",
  ),
  ACCOUNT_DISABLED: entry("access", "账号已停用，请联系管理员。", "The account is disabled."),
  RATE_LIMITED: entry("rateLimited", "请求过于频繁，请稍后再试。", "Too many requests; try again later."),

  // Existence, state and races
  NOT_FOUND: entry("notFound", "不存在或无权访问。", "Not found or not accessible."),
  CONFLICT: entry("conflict", "已被他人修改或占用，请刷新后重试。", "Changed or taken by someone else."),
  INVALID_TRANSITION: entry("state", "当前状态不能执行此操作。", "Not possible in the current state."),
  INTERNAL: entry(
    "internal",
    "服务器内部错误，请稍后重试；如持续出现请联系系统管理员。",
    "Internal server error.",
  ),

  // Identifiers and accounts
  PASSWORD_WEAK: entry("rule", "密码不符合要求。", "The password is too weak."),
  USCC_LENGTH: entry("rule", "统一社会信用代码应为18位。", "A unified social credit code has 18 characters."),
  USCC_CHARACTERS: entry("rule", "统一社会信用代码含有无效字符。", "Invalid character in the code."),
  USCC_REGION: entry("rule", "统一社会信用代码的行政区划码无效。", "Invalid region in the code."),
  USCC_CHECK_DIGIT: entry("rule", "统一社会信用代码校验码不正确。", "The check character is wrong."),
  RESIDENT_ID_LENGTH: entry("rule", "身份证号码应为18位。", "A resident ID number has 18 characters."),
  RESIDENT_ID_CHARACTERS: entry("rule", "身份证号码含有无效字符。", "Invalid character in the ID number."),
  RESIDENT_ID_BIRTH_DATE: entry(
    "rule",
    "身份证号码中的出生日期无效。",
    "Invalid birth date in the ID number.",
  ),
  RESIDENT_ID_CHECK_DIGIT: entry("rule", "身份证号码校验码不正确。", "The check character is wrong."),
  ROLE_SELF_GRANT: entry("rule", "不能修改自己的角色。", "You cannot change your own roles."),
  ROLE_SEPARATION: entry("rule", "三员角色不能兼任。", "The three administrator roles stay separate."),
  ROLE_PLATFORM_ONLY: entry("rule", "平台角色只能授予平台账号。", "Platform roles go to platform accounts."),
  ROLE_NEEDS_CITY: entry(
    "rule",
    "业务角色需要账号属于某个城市。",
    "Business roles need an account of a city.",
  ),
  ROLE_NEEDS_DISTRICT: entry(
    "rule",
    "该角色需要账号属于某个县区。",
    "This role needs an account of a district.",
  ),
  ROLE_NEEDS_UNIT: entry("rule", "该角色需要账号属于某个单位。", "This role needs an account of a unit."),

  // Policies and budgets
  POLICY_NOT_IN_FORCE: entry("rule", "本市当前没有生效的政策版本。", "No policy version is in force."),
  BUDGET_UNKNOWN_PROGRAM: entry("rule", "政策中没有该计划类别。", "The policy has no such program."),
  BUDGET_NO_FISCAL_FUNDING: entry("rule", "该类项目不安排财政资金。", "This program gets no fiscal funding."),
  BUDGET_PROJECT_OVER_CAP: entry("rule", "超过单项资助上限。", "Over the per-project cap."),
  BUDGET_LUMP_SUM_OVER_CAP: entry("rule", "超过定额资助上限。", "Over the lump-sum cap."),
  BUDGET_INDIRECT_OVER_CAP: entry("rule", "间接费用超过上限。", "Indirect costs over the cap."),
  BUDGET_INDIRECT_NO_CAP: entry("rule", "本市政策未设间接费用。", "The policy sets no indirect costs."),
  BUDGET_EQUIPMENT_PURCHASE_EXCEEDS_LINE: entry(
    "rule",
    "设备购置费不能超过设备费。",
    "Equipment purchase exceeds the equipment line.",
  ),
  BUDGET_OTHER_EXPENSES_UNEXPLAINED: entry("rule", "其他支出须说明用途。", "Explain other expenses."),
  BUDGET_NOT_PAYABLE_TO_PROJECT_STAFF: entry(
    "rule",
    "该科目不得支付给项目组成员。",
    "Not payable to the project's own staff.",
  ),
  BUDGET_NO_RATIO_CAP: entry("rule", "该科目不设比例限制。", "This category has no ratio cap."),
  POST_SUBSIDY_NOT_APPLICABLE: entry("rule", "本市政策未规定后补助。", "The policy has no post-subsidy."),

  // Guides
  GUIDE_UNKNOWN_PROGRAM: entry("rule", "政策中没有该计划类别。", "The policy has no such program."),
  GUIDE_UNKNOWN_SUBKIND: entry("rule", "政策中没有该项目子类。", "The policy has no such sub-kind."),
  GUIDE_DIRECTED_NOT_ALLOWED: entry(
    "rule",
    "该计划类别不采取定向择优方式。",
    "This program does not run directed selection.",
  ),
  GUIDE_DIRECTED_BASIS_REQUIRED: entry(
    "rule",
    "定向择优须写明选定依据。",
    "Directed selection needs its basis on record.",
  ),
  CALL_DIRECTED_TO_OTHERS: entry(
    "rule",
    "本批次为定向择优，仅向指定单位开放。",
    "This call is a directed selection, open only to the units it names.",
  ),
  GUIDE_FILING_HAS_NO_FUNDING: entry(
    "rule",
    "备案类项目不安排资助金额。",
    "Filing programs have no funding.",
  ),
  GUIDE_AMOUNT_RANGE: entry("rule", "资助金额范围有误。", "The amount range is wrong."),
  GUIDE_AMOUNT_OVER_POLICY_CAP: entry("rule", "资助金额超过政策上限。", "The amount exceeds the policy cap."),
  GUIDE_CRITERIA_WEIGHTS: entry("rule", "评审指标权重之和应为 100。", "Criteria weights must sum to 100."),
  GUIDE_ATTACHMENT_CODES: entry("rule", "附件编码重复。", "Attachment codes repeat."),
  GUIDE_CALL_WINDOW: entry("rule", "申报批次的起止时间有误。", "A call's window is wrong."),
  GUIDE_CALL_CLOSED: entry("rule", "申报批次已截止。", "A call has already closed."),
  GUIDE_CALL_AFTER_POLICY_END: entry(
    "rule",
    "申报批次超出政策文件的有效期。",
    "A call runs past the end of the policy's validity.",
  ),
  GUIDE_UNKNOWN_FIELD: entry("rule", "政策中没有该领域。", "The policy has no such field."),
  GUIDE_DISTRICT_REVIEW_REQUIRED: entry(
    "rule",
    "本市政策规定申报须经县区初审。",
    "The city's policy requires the district preliminary review.",
  ),
  GUIDE_CO_ISSUE_REQUIRED: entry(
    "rule",
    "该指南须会同市财政局发布，财政局会签后方可发布。",
    "This guide is issued together with the finance bureau: it needs the finance co-issue first.",
  ),
  GUIDE_CO_ISSUE_NOT_NEEDED: entry(
    "state",
    "该指南无需或已经财政局会签。",
    "This guide needs no finance co-issue, or has it already.",
  ),
  GUIDE_PLANNED_OVER_CAP: entry(
    "rule",
    "计划支持项目数超过年度上限。",
    "The planned count exceeds the yearly cap.",
  ),
  GUIDE_OVER_IN_PRINCIPLE_CAP: entry(
    "rule",
    "超过政策“原则上”的上限，须由局领导填写理由后发布。",
    "Over a cap the policy states in principle: the leader publishes only with a recorded reason.",
  ),

  // Applications
  SUBMIT_WINDOW_NOT_OPEN: entry("rule", "申报尚未开始。", "The call is not open yet."),
  SUBMIT_WINDOW_CLOSED: entry(
    "rule",
    "该批次当前不在申报期内（以服务器时间为准）。",
    "The call is not open (server time).",
  ),
  SUBMIT_UNIT_KIND_NOT_ALLOWED: entry(
    "rule",
    "本指南不受理该类单位申报。",
    "This kind of unit may not apply.",
  ),
  SUBMIT_DISTRICT_NOT_ALLOWED: entry(
    "rule",
    "本指南不受理该县区的单位。",
    "Units of this district may not apply.",
  ),
  SUBMIT_UNIT_BANNED: entry("rule", "单位处于限制申报期内。", "The unit is banned from applying."),
  SUBMIT_PI_BANNED: entry("rule", "项目负责人处于限制申报期内。", "The PI is banned from applying."),
  SUBMIT_INCOMPLETE: entry("rule", "申报书尚未填写完整。", "The application is incomplete."),
  SUBMIT_AMOUNT_OUT_OF_RANGE: entry(
    "rule",
    "申请金额不在指南范围内。",
    "The amount is outside the guide's range.",
  ),
  SUBMIT_COFUNDING_SHORT: entry("rule", "配套资金不足。", "Co-funding is short."),
  SUBMIT_ATTACHMENT_MISSING: entry("rule", "缺少指南要求的附件。", "A required attachment is missing."),
  SUBMIT_COMMITMENT_MISSING: entry("rule", "承诺书尚未确认或上传。", "The commitment letter is missing."),
  SUBMIT_MILESTONES_REQUIRED: entry("rule", "须填写阶段目标。", "Milestones are required."),
  SUBMIT_MILESTONE_OUTSIDE_PERIOD: entry(
    "rule",
    "阶段目标的完成日期应在项目起止日期之内。",
    "A milestone's date must lie within the project period.",
  ),
  SUBMIT_PARTNER_USCC: entry(
    "rule",
    "合作单位的统一社会信用代码无效。",
    "A partner's credit code is invalid.",
  ),
  SUBMIT_FIELD_NOT_ALLOWED: entry(
    "rule",
    "所属领域不在本指南范围内。",
    "The field is not one of the guide's.",
  ),
  DISTRICT_QUOTA_FULL: entry("rule", "推荐名额已满。", "The district's quota is full."),
  INTEGRITY_PERIOD_INVALID: entry(
    "rule",
    "截止日期不能早于起始日期。",
    "The end date is before the start date.",
  ),

  // Expert pool
  EXPERT_IMPORT_INVALID: entry(
    "rule",
    "导入文件中有错误行，未导入任何专家；请按错误清单修改后重新上传。",
    "The file has bad rows and no expert was imported; fix the rows listed and upload it again.",
  ),
  EXPERT_DISCIPLINE_UNKNOWN: entry(
    "rule",
    "学科代码不在 GB/T 13745 代码表中。",
    "Not a GB/T 13745 discipline code.",
  ),

  // Expert review
  REVIEW_NOT_APPLICABLE: entry(
    "rule",
    "本计划类别不组织此类专家评审。",
    "This program has no expert review of this kind.",
  ),
  REVIEW_NOT_ORGANISER: entry(
    "access",
    "本批次的专家评审不由您的机构组织。",
    "Your office does not organise this call's expert review.",
  ),
  REVIEW_INFEASIBLE: entry("rule", "按当前方案无法完成分配。", "No assignment meets the plan's constraints."),
  REVIEW_NO_APPLICATIONS: entry(
    "rule",
    "本批次没有通过形式审查的申报书。",
    "The call has no application that passed the formal check.",
  ),
  REVIEW_CONFLICT: entry("rule", "该专家须回避。", "The expert is conflicted."),
  REVIEW_EXPERT_UNAVAILABLE: entry("rule", "该专家不可分配。", "The expert cannot be assigned."),
  REVIEW_SLOT_INVALID: entry(
    "rule",
    "调整后不满足评审方案的约束。",
    "The change breaks a constraint of the plan.",
  ),
  REVIEW_COMMITMENT_REQUIRED: entry(
    "rule",
    "请先签署本批次的评审诚信承诺。",
    "Sign the call's integrity commitment first.",
  ),
  REVIEW_SCORES_INCOMPLETE: entry(
    "rule",
    "尚有评审指标未打分或未填写评审意见。",
    "Some criteria have no score or the comment is empty.",
  ),
  REVIEW_DEADLINE_PASSED: entry("rule", "评审截止时间已过。", "The review deadline has passed."),
  REVIEW_OPEN_ASSIGNMENTS: entry(
    "rule",
    "尚有专家未提交评审意见。",
    "Some experts have not submitted their reviews.",
  ),
  HORSE_RACE_NOT_ALLOWED: entry(
    "rule",
    "本计划类别不采取“赛马制”。",
    "This program does not run horse races.",
  ),
  HORSE_RACE_NOT_CLOSE: entry(
    "rule",
    "所选项目的评审结论不够接近。",
    "The selected results are not close enough.",
  ),

  // Decision: proposed list, public notice, co-sign, approval
  DECISION_NOT_APPLICABLE: entry(
    "rule",
    "该批次尚无可据以拟订名单的评审结果。",
    "This call has no finished review to draw a list from.",
  ),
  DECISION_AMOUNT_OVER_REQUEST: entry(
    "rule",
    "立项金额超过申请金额。",
    "The amount given exceeds the amount requested.",
  ),
  DECISION_LIST_EMPTY: entry("rule", "名单中没有拟立项项目。", "The list selects no project."),
  DECISION_OVER_CAP: entry("rule", "超过本年度立项数量上限。", "Over the year's cap of projects."),
  DECISION_NO_CONTROL_NUMBER: entry(
    "rule",
    "市财政局尚未录入本年度预算控制数。",
    "The finance bureau has not set the year's budget control number.",
  ),
  DECISION_OVER_BUDGET: entry("rule", "超过本年度预算控制数。", "Over the year's budget control number."),
  DECISION_YOUTH_SHARE_NOT_MET: entry(
    "rule",
    "青年项目占比未达到要求，须填写理由。",
    "The youth share is not met; record a reason.",
  ),
  DECISION_DEPARTURE_UNEXPLAINED: entry(
    "rule",
    "与评审排名不一致的取舍须说明理由。",
    "A departure from the ranking needs its reason.",
  ),
  DECISION_NO_COLLECTIVE_DECISION: entry(
    "rule",
    "须先录入集体研究决策记录。",
    "Record the collective decision first.",
  ),
  DECISION_STEP_PENDING: entry("state", "名单尚在等待前一环节。", "The list is waiting for an earlier step."),
  DECISION_NOTICE_RUNNING: entry("state", "公示期尚未结束。", "The public notice period has not ended."),
  DECISION_OBJECTIONS_OPEN: entry("state", "尚有未处理的异议。", "Objections are still open."),
  DIRECTED_REASON_NOT_ALLOWED: entry(
    "rule",
    "定向委托仅适用于政策列明的特殊情形。",
    "A directed commission needs one of the reasons the policy lists.",
  ),
  CHALLENGE_NOT_NEGOTIATED: entry(
    "rule",
    "揭榜方须先完成磋商并签署初步合作协议。",
    "The bidder's negotiation and preliminary agreement are not on record.",
  ),
  CHALLENGE_CLOSED: entry("state", "揭榜期已截止或榜单未发布。", "The challenge is not open for bids."),
  JOINT_COMMITTEE_INCOMPLETE: entry(
    "rule",
    "联合专家委员会须有技术、产业、财务等各方面专家。",
    "The joint expert committee needs every seat the policy names.",
  ),
  JOINT_COMMITTEE_CONFLICT: entry(
    "rule",
    "委员会专家与实验室或需求企业存在回避关系。",
    "A committee member must stand apart from the laboratory and the enterprise.",
  ),
  JOINT_ALREADY_APPROVED: entry(
    "conflict",
    "本方已审定该项目。",
    "Your side has approved this project already.",
  ),
  JOINT_APPROVAL_SEPARATE: entry(
    "rule",
    "市科技局和实验室须分别审定，同一人不能代表双方。",
    "The bureau and the laboratory approve separately; one person cannot approve for both.",
  ),
  JOINT_ENTERPRISE_ONLY: entry(
    "rule",
    "联合科研课题由企业提出。",
    "Joint research questions come from enterprises.",
  ),
  JOINT_LABORATORY_ONLY: entry(
    "rule",
    "该操作须由实验室账号完成。",
    "Only a laboratory's account can do this.",
  ),
  // The money ledger: each refusal names the rule a posting would break
  LEDGER_OVER_BUDGET: entry(
    "rule",
    "超出本年度已批准的预算。",
    "More than the year's approved budget has left.",
  ),
  LEDGER_OVER_APPROVED: entry(
    "rule",
    "超出项目尚未拨付的批准金额。",
    "More than the project's approved amount has left.",
  ),
  LEDGER_OVER_NODE: entry("rule", "超出该拨付节点的金额。", "More than the payment node allows."),
  LEDGER_NODE_PAID: entry("conflict", "该拨付节点已经拨付。", "This payment node is paid already."),
  LEDGER_PROJECT_SUSPENDED: entry("rule", "项目已暂停拨款。", "Payments to this project are suspended."),
  LEDGER_RETURN_UNMATCHED: entry(
    "rule",
    "退回或追回的资金须对应一笔已拨付款项，且不超过其金额。",
    "Money returned or recovered must match a payment, within its amount.",
  ),
  LEDGER_ALREADY_COMMITTED: entry(
    "conflict",
    "项目资金已列入承诺。",
    "The project's money is committed already.",
  ),
  LEDGER_IDEMPOTENCY_MISMATCH: entry(
    "conflict",
    "同一幂等键已用于另一笔不同的请求。",
    "This idempotency key was used for a different request.",
  ),
  LEDGER_NO_BUDGET: entry(
    "rule",
    "市财政局尚未批复该年度预算，不能列入承诺或拨付。",
    "The finance bureau has not approved the year's budget; nothing can be committed or paid from it.",
  ),
  // Payments and task books
  PAYMENT_NOT_APPROVED: entry(
    "rule",
    "该笔拨款须经市财政局审核后方可拨付。",
    "The finance bureau approves this payment before it is paid.",
  ),
  PAYMENT_OWN_APPROVAL: entry(
    "rule",
    "不能审核自己提出的拨款。",
    "You cannot approve a payment you prepared.",
  ),
  PAYMENT_NODE_NOT_DUE: entry(
    "rule",
    "该拨付节点的条件尚未达到。",
    "This payment node's condition has not been reached.",
  ),
  PAYMENT_WAITS_FOR_REPORTS: entry(
    "rule",
    "该节点之前应报的进展报告尚未全部审核通过。",
    "The progress reports due before this node are not all approved.",
  ),
  FAILURE_TOLERATED: entry(
    "rule",
    "该项目已认定勤勉尽责、宽容失败，不予处理。",
    "The project failed with due diligence found: it closes without sanction.",
  ),
  ASSESSMENT_CONFLICT: entry(
    "rule",
    "该专家与项目承担单位存在回避关系。",
    "The expert must stand apart from the project's unit.",
  ),
  INSPECTION_ONCE_PER_CYCLE: entry(
    "conflict",
    "该项目本周期已接受过检查（一个周期“最多查一次”）。",
    "The project has been inspected in this cycle already (at most once per cycle).",
  ),
  SUBSIDY_USE_NOT_DUE: entry(
    "rule",
    "只有已拨付的后补助资金须报告使用情况。",
    "Only a paid post-subsidy has its use reported.",
  ),
  PROJECT_CLOSED: entry("state", "项目已终止或撤销。", "The project is terminated or revoked."),
  CLOSURE_OVER_DUE: entry(
    "rule",
    "超出应退回或应追回的金额。",
    "More than the amount due back from the unit.",
  ),
  TASK_BOOK_NOT_APPLICABLE: entry("rule", "该项目无须签订计划任务书。", "This project takes no task book."),
  OBJECTION_NOT_OPEN: entry(
    "state",
    "该名单不在公示期内，不受理异议。",
    "The list is not in its notice period.",
  ),

  // Documents (PDF, .docx, .xlsx), rendered off the request thread within a budget
  DOCUMENT_TOO_LARGE: entry(
    "tooLarge",
    "文档内容超出可生成的上限，请精简内容后再导出。",
    "The document is larger than the export limit; shorten it and export again.",
  ),
  DOCUMENTS_BUSY: entry(
    "rateLimited",
    "正在生成的文档过多，请稍后再试。",
    "Too many documents are being generated; try again shortly.",
  ),
  DOCUMENT_TIMEOUT: entry(
    "internal",
    "文档生成超时，请稍后再试；如持续出现请联系系统管理员。",
    "Generating the document took too long; try again later.",
  ),
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

export function kindOf(code: ErrorCode): ErrorKind {
  return errorCatalogue[code].kind;
}

/** A rule's answer: what is wrong, in both languages, and where it comes from. */
export interface Violation {
  code: ErrorCode;
  messageZh: string;
  messageEn: string;
  /** Citation of the rule applied, e.g. `LY-FUNDS §16`; absent for plain input errors. */
  clause?: string;
  /** Field path for input errors, e.g. `lines.2.amountFen`. */
  path?: string;
  /**
   * Set where no clause backs the rule: the city's own setting (a policy `citySetting`) or the
   * guide's (e.g. its district quota). The answer says so instead of citing a clause.
   */
  setting?: RuleSetting;
}

export const ruleSettings = ["city", "guide"] as const;
export type RuleSetting = (typeof ruleSettings)[number];

/** A violation whose messages may be left to the catalogue. */
export type ErrorInit = Omit<Violation, "messageZh" | "messageEn"> &
  Partial<Pick<Violation, "messageZh" | "messageEn">> & {
    details?: Record<string, unknown>;
    /** Every field problem found, when there may be more than one (see `DomainError.all`). */
    issues?: readonly Violation[];
  };

/** The one error type of the domain; it never speaks HTTP. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly messageZh: string;
  readonly clause?: string;
  readonly setting?: RuleSetting;
  readonly path?: string;
  readonly details?: Record<string, unknown>;
  readonly issues?: readonly Violation[];

  constructor(v: ErrorInit) {
    const known = errorCatalogue[v.code];
    super(v.messageEn ?? known.messageEn);
    this.name = "DomainError";
    this.code = v.code;
    this.kind = known.kind;
    this.messageZh = v.messageZh ?? known.messageZh;
    this.clause = v.clause;
    this.setting = v.setting;
    this.path = v.path;
    this.details = v.details;
    this.issues = v.issues;
  }

  /**
   * Every problem of a request at once, so the person fixes them in one go: the first leads (its
   * code, messages and field make the answer's headline and status), and `issues` lists them all,
   * each on its own field.
   */
  static all(problems: readonly [Violation, ...Violation[]]): DomainError {
    return new DomainError({ ...problems[0], issues: problems });
  }
}

/** Absent or not the caller's: one answer, so scope reveals nothing. */
export const notFound = (messageZh?: string, messageEn?: string) =>
  new DomainError({ code: "NOT_FOUND", messageZh, messageEn });

/** An action the current state does not allow, in words the user understands. */
export const invalidTransition = (messageZh: string, messageEn: string, details?: Record<string, unknown>) =>
  new DomainError({ code: "INVALID_TRANSITION", messageZh, messageEn, details });

import { checkBudget } from "../budget/budget.rules.ts";
import type { GuideState } from "../guide/guide.machine.ts";
import { callWindow, type GuideContent } from "../guide/guide.ts";
import { validateUscc } from "../identity/identifiers.ts";
import type { UnitKind } from "../identity/unit.ts";
import { unitKindNames } from "../identity/unit.ts";
import { citySettingClause, type IntegrityHit } from "../integrity/integrity.rules.ts";
import { citationOf, citeSource, type Policy } from "../policy/policy.schema.ts";
import { DomainError, type Violation } from "../shared/errors.ts";
import { formatYuan } from "../shared/money.ts";
import { type ApplicationContent, requestedFen } from "./application.ts";

export interface SubmissionFacts {
  policy: Policy;
  guide: GuideContent;
  guideStatus: GuideState;
  call: { opensAt: Date; closesAt: Date };
  now: Date;
  unit: { kind: UnitKind; districtCode: string };
  content: ApplicationContent;
  /** Active integrity sanctions of the unit and of the principal investigator. */
  integrity: IntegrityHit[];
  commitment: { piConfirmed: boolean; unitConfirmed: boolean; scanUploaded: boolean };
  attachmentCodes: string[];
}

const clauseOf = (policy: Policy, code: string): string | undefined => {
  const rule = policy.eligibility.find((e) => e.code === code);
  return rule ? (citationOf(rule.source) ?? undefined) : undefined;
};

/**
 * The gates an application passes at submission, each refusal with its clause. Pure: the server
 * gathers the facts (server time, sanctions, uploads) and refuses the submission when any remain.
 */
export function checkSubmission(f: SubmissionFacts): Violation[] {
  const out: Violation[] = [];
  const add = (v: Violation) => out.push(v);
  const window = callWindow(f.call, f.now, f.guideStatus);
  if (window === "closed") {
    add({
      code: "SUBMIT_WINDOW_CLOSED",
      messageZh: "申报已截止（以服务器时间为准）或指南已关闭。",
      messageEn: "The call has closed (server time), or its guide was closed.",
    });
  } else if (window !== "open") {
    add({
      code: "SUBMIT_WINDOW_NOT_OPEN",
      messageZh: window === "upcoming" ? "申报尚未开始。" : "申报指南尚未发布。",
      messageEn: window === "upcoming" ? "The call has not opened yet." : "The guide is not published yet.",
    });
  }
  if (!f.guide.eligibility.unitKinds.includes(f.unit.kind)) {
    add({
      code: "SUBMIT_UNIT_KIND_NOT_ALLOWED",
      messageZh: `本指南不受理${unitKindNames[f.unit.kind].zh}类单位的申报。`,
      messageEn: `This guide does not accept ${unitKindNames[f.unit.kind].en} applicants.`,
      clause: clauseOf(f.policy, "independentLegalPersonInCity"),
    });
  }
  const districts = f.guide.eligibility.districts;
  if (districts.length > 0 && !districts.includes(f.unit.districtCode)) {
    add({
      code: "SUBMIT_DISTRICT_NOT_ALLOWED",
      messageZh: "本指南不受理所在县区单位的申报。",
      messageEn: "This guide does not accept applicants from this district.",
    });
  }
  // Where the policy's blacklist rule is the city's own setting (DT-RULES §22 only lists), the
  // refusal says so instead of citing the listing clause the record carries; its text names the
  // clause the listing rests on (the record's, else the rule's basis), so the applicant still reads
  // where it comes from.
  const blacklistRule = f.policy.eligibility.find((e) => e.code === "notBlacklisted");
  const ruleBasis = blacklistRule?.basis ? citationOf(blacklistRule.basis) : null;
  for (const hit of f.integrity) {
    const byRule = hit.kind === "blacklist" && blacklistRule ? citeSource(blacklistRule.source) : null;
    const bySetting = byRule !== null && "setting" in byRule;
    const basis = bySetting ? (hit.clause !== citySettingClause ? hit.clause : ruleBasis) : null;
    add({
      code: hit.subject === "unit" ? "SUBMIT_UNIT_BANNED" : "SUBMIT_PI_BANNED",
      messageZh: `${hit.subject === "unit" ? "申报单位" : "项目负责人"}${hit.kind === "blacklist" ? `已列入科研诚信黑名单${basis ? `（${basis}）` : ""}` : "处于取消申报资格期间"}${hit.until ? `（至 ${hit.until}）` : ""}，不得申报${bySetting ? "（市科技局设定）" : ""}。`,
      messageEn: `The ${hit.subject === "unit" ? "unit" : "principal investigator"} is ${hit.kind === "blacklist" ? `on the research-integrity blacklist${basis ? ` (${basis})` : ""}` : "banned from applying"}${hit.until ? ` until ${hit.until}` : ""}${bySetting ? " (refused by the city bureau's own setting)" : ""}.`,
      ...(byRule ?? { clause: hit.clause }),
    });
  }
  const field = fieldViolation(f);
  if (field) add(field);
  out.push(...completeness(f));
  out.push(...budgetViolations(f));
  const asked = requestedFen(f.content);
  const { minFen, maxFen } = f.guide.amountRange;
  // A total beyond exact numbers is already refused by the budget check (and cannot be formatted).
  if (Number.isSafeInteger(asked) && (asked < minFen || asked > maxFen)) {
    add({
      code: "SUBMIT_AMOUNT_OUT_OF_RANGE",
      messageZh: `申请金额 ${formatYuan(asked)} 不在指南规定的 ${formatYuan(minFen)}–${formatYuan(maxFen)} 范围内。`,
      messageEn: `The amount ${formatYuan(asked)} is outside the guide's range ${formatYuan(minFen)}–${formatYuan(maxFen)}.`,
      path: "budget",
    });
  }
  if (f.content.funding.coFundingFen < f.guide.eligibility.minCoFundingFen) {
    add({
      code: "SUBMIT_COFUNDING_SHORT",
      messageZh: `配套资金不少于 ${formatYuan(f.guide.eligibility.minCoFundingFen)}。`,
      messageEn: `Co-funding must be at least ${formatYuan(f.guide.eligibility.minCoFundingFen)}.`,
      path: "funding.coFundingFen",
    });
  }
  for (const a of f.guide.requiredAttachments) {
    if (a.required && !f.attachmentCodes.includes(a.code)) {
      add({
        code: "SUBMIT_ATTACHMENT_MISSING",
        messageZh: `缺少附件：${a.nameZh}。`,
        messageEn: `Attachment missing: ${a.nameZh}.`,
        path: `attachments.${a.code}`,
      });
    }
  }
  // The rule applies wherever the policy has it, also when its source is a city setting (no clause).
  const commitmentRequired = f.policy.eligibility.some((e) => e.code === "commitmentLetter");
  const commitmentClause = clauseOf(f.policy, "commitmentLetter");
  if (
    commitmentRequired &&
    !(f.commitment.piConfirmed && f.commitment.unitConfirmed && f.commitment.scanUploaded)
  ) {
    add({
      code: "SUBMIT_COMMITMENT_MISSING",
      messageZh: "承诺书须由项目负责人和单位（代表法定代表人）确认，并上传签字盖章扫描件。",
      messageEn:
        "The commitment letter must be confirmed by the PI and by the unit for its legal representative, and the signed scan uploaded.",
      clause: commitmentClause,
      path: "commitment",
    });
  }
  return out;
}

/**
 * Where the program's documents list its fields (LY-REFORM §二(一)2–3), the application picks one of
 * the guide's (all of the program's when the guide names none).
 */
function fieldViolation(f: SubmissionFacts): Violation | null {
  const listed = f.policy.programs.find((p) => p.code === f.guide.program)?.fields;
  if (!listed) return null;
  const allowed = listed.items.filter((x) => f.guide.fields.length === 0 || f.guide.fields.includes(x.code));
  if (allowed.some((x) => x.code === f.content.basic.field)) return null;
  const names = allowed.map((x) => x.nameZh).join("、");
  return {
    code: "SUBMIT_FIELD_NOT_ALLOWED",
    messageZh: `所属领域须为本指南的领域之一：${names}。`,
    messageEn: `The field must be one of the guide's: ${allowed.map((x) => x.nameEn).join(", ")}.`,
    ...citeSource(listed.source),
    path: "basic.field",
  };
}

/**
 * The budget rules, with paths made relative to the application content (`budget.lines.2.note`) like
 * every other path here. A draft may hold lines checkBudget refuses outright (an unknown category,
 * a purchase amount on a non-equipment line); those come back as violations, not as a throw.
 */
function budgetViolations(f: SubmissionFacts): Violation[] {
  const inBudget = (path: string | undefined) => (path ? `budget.${path}` : "budget");
  try {
    const budget = checkBudget(f.policy, {
      program: f.guide.program,
      theoretical: f.content.budget.theoretical,
      lines: f.content.budget.lines,
    });
    return budget.violations.map(({ category: _c, ...v }) => ({ ...v, path: inBudget(v.path) }));
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== "VALIDATION") throw e;
    const v: Violation = {
      code: e.code,
      messageZh: e.messageZh,
      messageEn: e.message,
      path: inBudget(e.path),
    };
    return [v];
  }
}

function completeness(f: SubmissionFacts): Violation[] {
  const out: Violation[] = [];
  const missing = (path: string, zh: string, en: string) =>
    out.push({
      code: "SUBMIT_INCOMPLETE",
      messageZh: `请填写${zh}。`,
      messageEn: `${en} is required.`,
      path,
    });
  const c = f.content;
  if (!c.basic.title.trim()) missing("basic.title", "项目名称", "The title");
  if (!c.basic.abstract.trim()) missing("basic.abstract", "项目摘要", "The abstract");
  if (!c.basic.startDate || !c.basic.endDate) missing("basic.startDate", "起止日期", "The project period");
  else if (c.basic.endDate <= c.basic.startDate) {
    out.push({
      code: "SUBMIT_INCOMPLETE",
      messageZh: "结束日期应晚于开始日期。",
      messageEn: "The end date must follow the start date.",
      path: "basic.endDate",
    });
  }
  if (!c.content.researchContent.trim())
    missing("content.researchContent", "研究内容", "The research content");
  if (c.targets.length === 0) missing("targets", "至少一项考核指标", "At least one measurable target");
  const pis = c.team.filter((m) => m.role === "pi");
  if (pis.length !== 1) {
    out.push({
      code: "SUBMIT_INCOMPLETE",
      messageZh: "项目团队中须有且仅有一名项目负责人。",
      messageEn: "The team needs exactly one principal investigator.",
      path: "team",
    });
  }
  c.team.forEach((m, i) => {
    if (!m.idNumberValid) {
      out.push({
        code: "SUBMIT_INCOMPLETE",
        messageZh: `团队成员“${m.name || i + 1}”的身份证号无效或未填写。`,
        messageEn: `Team member ${m.name || i + 1} has no valid ID number.`,
        path: `team.${i}.idNumber`,
      });
    }
  });
  out.push(...checkMilestonesAndPartners(c));
  const program = f.policy.programs.find((p) => p.code === f.guide.program);
  if (program?.milestonesRequired && c.milestones.length === 0) {
    out.push({
      code: "SUBMIT_MILESTONES_REQUIRED",
      messageZh: "本类项目实行里程碑式管理，须填写里程碑计划。",
      messageEn: "This program is managed by milestones; plan at least one.",
      clause: citationOf(program.milestonesRequired.source) ?? undefined,
      path: "milestones",
    });
  }
  return out;
}

/**
 * What the form can check as it is typed and the server checks again (a draft save reports these,
 * a submission refuses them): milestones inside the project period, partners' credit codes.
 */
export function checkMilestonesAndPartners(
  c: Pick<ApplicationContent, "basic" | "milestones" | "partners">,
): Violation[] {
  const out: Violation[] = [];
  const { startDate, endDate } = c.basic;
  c.milestones.forEach((m, i) => {
    if (!m.dueDate || !startDate || !endDate) return;
    if (m.dueDate < startDate || m.dueDate > endDate) {
      out.push({
        code: "SUBMIT_MILESTONE_OUTSIDE_PERIOD",
        messageZh: `第 ${i + 1} 个阶段目标的日期 ${m.dueDate} 不在项目起止日期（${startDate} 至 ${endDate}）之内。`,
        messageEn: `Milestone ${i + 1} (${m.dueDate}) lies outside the project period ${startDate} – ${endDate}.`,
        path: `milestones.${i}.dueDate`,
      });
    }
  });
  c.partners.forEach((p, i) => {
    if (!p.uscc) return;
    const check = validateUscc(p.uscc);
    if (!check.ok) {
      out.push({
        code: "SUBMIT_PARTNER_USCC",
        messageZh: `合作单位“${p.name || i + 1}”的统一社会信用代码无效：${check.messageZh}`,
        messageEn: `Partner ${p.name || i + 1}: invalid credit code: ${check.messageEn}`,
        path: `partners.${i}.uscc`,
      });
    }
  });
  return out;
}

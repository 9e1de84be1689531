import type { Role } from "../identity/roles.ts";
import { citeSource } from "../policy/source.schema.ts";
import type { SubsidyUseRules } from "../policy/tracking.schema.ts";
import { DomainError, type Violation } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";

/**
 * 后补助资金使用情况 (LY-FUNDS §20): once a post-subsidy is paid, the unit reports how it used the
 * money; the unit decides its uses freely within S&T activities, and a use the clause forbids is
 * flagged with it. The bureau acknowledges the report or returns it to be corrected.
 */
export const subsidyUseStates = ["submitted", "returned", "acknowledged"] as const;
export type SubsidyUseState = (typeof subsidyUseStates)[number];

const reporters: readonly Role[] = ["unitAdmin", "principalInvestigator"];
const bureau: readonly Role[] = ["programOfficer"];

export const subsidyUseMachine = defineMachine({
  name: "subsidyUse",
  states: subsidyUseStates,
  labels: {
    submitted: { zh: "已报告", en: "reported" },
    returned: { zh: "退回修改", en: "returned" },
    acknowledged: { zh: "已确认", en: "acknowledged" },
  },
  transitions: {
    resubmit: { from: ["returned"], to: "submitted", roles: reporters },
    return: { from: ["submitted"], to: "returned", roles: bureau },
    acknowledge: { from: ["submitted"], to: "acknowledged", roles: bureau },
  },
});

/** One use of the money: a purpose from the city's list, the amount and what it paid for. */
export interface SubsidyUse {
  purpose: string;
  amountFen: number;
  description: string;
}

/** A use as the rules see it: whether its purpose is forbidden, and the source that says so. */
export interface SubsidyUseFlag {
  index: number;
  purpose: string;
  forbidden: boolean;
  /** The clause the purpose's rule cites (LY-FUNDS §20 for a forbidden one), or the city's setting. */
  citation: { clause: string } | { setting: "city" };
}

const invalid = (path: string, messageZh: string, messageEn: string): Violation => ({
  code: "VALIDATION",
  path,
  messageZh,
  messageEn,
});

/**
 * Refuses a use report that cannot stand as the unit's account of the money: no use, a purpose not
 * on the city's list, an amount not a positive whole number of fen, or uses adding up to more than
 * was paid. A forbidden purpose is not refused here: the unit's truthful report is filed, and
 * `flagsOf` marks it with the clause.
 */
export function checkSubsidyUse(rules: SubsidyUseRules, uses: readonly SubsidyUse[], paidFen: number): void {
  const problems: Violation[] = [];
  if (uses.length === 0)
    problems.push(invalid("uses", "请至少填写一项资金用途。", "Report at least one use of the money."));
  const codes = new Set(rules.purposes.map((x) => x.code));
  uses.forEach((u, i) => {
    if (!codes.has(u.purpose))
      problems.push(
        invalid(
          `uses.${i}.purpose`,
          "资金用途不在本市规定的用途中。",
          "The purpose is not on the city's list.",
        ),
      );
    if (!Number.isSafeInteger(u.amountFen) || u.amountFen <= 0)
      problems.push(
        invalid(
          `uses.${i}.amountFen`,
          "金额须为大于零的整数（分）。",
          "The amount is a whole number of fen above zero.",
        ),
      );
  });
  const total = uses.reduce((s, u) => s + (Number.isSafeInteger(u.amountFen) ? u.amountFen : 0), 0);
  if (total > paidFen)
    problems.push(
      invalid(
        "uses",
        `各项用途合计 ${total} 分，超过已拨付的 ${paidFen} 分。`,
        `The uses add up to ${total} fen, more than the ${paidFen} fen paid.`,
      ),
    );
  const [first, ...rest] = problems;
  if (first) throw DomainError.all([first, ...rest]);
}

/** Each use with whether the city's rules forbid its purpose, and the clause (or setting) they cite. */
export function flagsOf(rules: SubsidyUseRules, uses: readonly SubsidyUse[]): SubsidyUseFlag[] {
  const byCode = new Map(rules.purposes.map((x) => [x.code, x]));
  return uses.map((u, index) => {
    const purpose = byCode.get(u.purpose);
    return {
      index,
      purpose: u.purpose,
      forbidden: purpose?.forbidden ?? false,
      citation: citeSource(purpose?.source ?? rules.source),
    };
  });
}

/** The least a note says when the bureau acknowledges a report with a forbidden use. */
export const flaggedNoteMinLength = 10;

/**
 * The bureau acknowledges a report with a forbidden use only with a note of what follows (the money
 * to be recovered, a sanction under LY-FUNDS §25, a referral): acknowledging records that the bureau
 * has read the report, not that the use was allowed. A return always says what to correct.
 */
export function checkSubsidyUseDecision(
  event: "acknowledge" | "return",
  flags: readonly SubsidyUseFlag[],
  note: string,
): void {
  const text = note.trim();
  if (event === "return" && text.length < 2)
    throw new DomainError({
      code: "VALIDATION",
      path: "note",
      messageZh: "退回时须说明需更正的内容。",
      messageEn: "Say what to correct when returning the report.",
    });
  const flagged = flags.filter((f) => f.forbidden);
  if (event === "acknowledge" && flagged.length > 0 && text.length < flaggedNoteMinLength) {
    const first = flagged[0]?.citation;
    throw new DomainError({
      code: "VALIDATION",
      path: "note",
      clause: first && "clause" in first ? first.clause : undefined,
      messageZh: `报告含 ${flagged.length} 项禁止列支的用途，确认时须写明后续处理（如追回资金、采取处理措施），不少于 ${flaggedNoteMinLength} 字。`,
      messageEn: `The report has ${flagged.length} forbidden use(s): acknowledging it takes a note of at least ${flaggedNoteMinLength} characters on what follows (recovery, a sanction).`,
    });
  }
}

import type { ProjectDetail } from "../../api/execution";
import type { Lang } from "../../app/locale";
import { yuan } from "../../components/money";
import { sourceText } from "../execution/labels";
import { listingKindNames, subjectsText } from "./labels";

type Translate = (zh: string, en: string) => string;

/**
 * What a closure would do to the project's money, from its ledger figures, as the server computes it:
 * the unpaid commitment goes back to the year's budget, and the unit gives back what it holds (paid
 * less given back) — all of it on a revocation, less what it spent on a termination where the city's
 * rule returns the balance to the treasury.
 */
export function heldFen(p: ProjectDetail): number {
  return Math.max(0, p.money.paidFen - p.money.returnedFen);
}

export function unpaidFen(p: ProjectDetail): number {
  return p.money.leftFen;
}

export function terminationDueFen(p: ProjectDetail, spentFen: number): number {
  if (p.life.rules.balanceRule !== "returnToTreasury") return 0;
  return Math.max(0, heldFen(p) - spentFen);
}

/**
 * "将承担单位及项目负责人列入科研诚信黑名单（DT-RULES §22）", with its period. A project with no PI of
 * its own (a directed commission names only its unit) lists its unit alone, as the server does.
 */
export function listingText(p: ProjectDetail, lang: Lang, t: Translate): string {
  const l = p.life.rules.listing;
  const who = subjectsText(
    l.subjects.filter((s) => s !== "principalInvestigator" || p.piName !== null),
    lang,
  );
  const clause = sourceText(l.source, lang);
  const period =
    l.years === null
      ? t("，直至作出解除决定", ", until lifted by a decision")
      : t(`，期限 ${l.years} 年`, `, for ${l.years} years`);
  return t(
    `将${who}列入${listingKindNames[l.kind].zh}${period}（${clause}）`,
    `puts ${who} on ${listingKindNames[l.kind].en}${period} (${clause})`,
  );
}

/** The money a termination decided now would settle: released to the budget, and due back. */
export function terminationMoneyText(p: ProjectDetail, spentFen: number, lang: Lang, t: Translate): string {
  const rules = p.life.rules;
  const clause = sourceText(rules.balanceSource, lang);
  const balance = Math.max(0, heldFen(p) - spentFen);
  const release = t(
    `未拨付的 ${yuan(unpaidFen(p))} 退回年度预算`,
    `the unpaid ${yuan(unpaidFen(p))} goes back to the year's budget`,
  );
  return rules.balanceRule === "returnToTreasury"
    ? t(
        `${release}，承担单位应将结余资金 ${yuan(balance)} 退回财政（${clause}）`,
        `${release}, and the unit is to return the unspent balance of ${yuan(balance)} to the treasury (${clause})`,
      )
    : t(
        `${release}，结余资金 ${yuan(balance)} 留归承担单位（${clause}）`,
        `${release}, and the unit keeps the unspent balance of ${yuan(balance)} (${clause})`,
      );
}

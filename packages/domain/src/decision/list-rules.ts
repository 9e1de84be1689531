import { computePostSubsidy } from "../budget/budget.rules.ts";
import type { Policy } from "../policy/policy.schema.ts";
import { citeSource } from "../policy/policy.schema.ts";
import type { ErrorCode, Violation } from "../shared/errors.ts";
import { formatWanYuan } from "../shared/money.ts";

/**
 * What a proposed list must satisfy before it leaves the officer (and again when it is issued):
 * the program's yearly cap, the year's budget control number, the youth share where the city has
 * one, a reason for every departure from the ranking, and a collective decision on record. A cap
 * or share the documents set "in principle" (原则上) may be exceeded with a recorded reason; the
 * control number may not.
 */
export type EntryDecision = "selected" | "reserve" | "notSelected" | "withdrawn" | "removed";

export interface ListEntryFacts {
  applicationId: string;
  /** Place in the review ranking (1 = best); null when the application has no result. */
  rank: number | null;
  decision: EntryDecision;
  departureReason: string | null;
  amountFen: number;
  /** The most it may commit: the request, or a post-subsidy program's best grade (`plannedAmountFen`). */
  maxFen: number;
  /** Whether the PI is under the youth age at the call's date; null when unknown. */
  piYouth: boolean | null;
}

export interface YearFacts {
  /** Projects of this program already issued this year (other lists). */
  issuedInProgram: number;
  /** Fen committed this year by issued projects of every program. */
  committedFen: number;
  /** The finance bureau's control number for the year; null while not set. */
  controlFen: number | null;
  /** Issued projects of the youth-share programs this year, and how many have a young PI. */
  youth: { total: number; young: number };
}

export interface ListReasons {
  overCapReason: string | null;
  youthShareReason: string | null;
}

const taken = (e: Pick<ListEntryFacts, "decision">) => e.decision === "selected";

/** Entries whose place departs from the ranking: a selected one below a passed-over one, and vice versa. */
export function departures(
  entries: readonly Pick<ListEntryFacts, "applicationId" | "rank" | "decision">[],
): Set<string> {
  const out = new Set<string>();
  const ranked = entries.filter(
    (e) => e.rank !== null && e.decision !== "withdrawn" && e.decision !== "removed",
  );
  const selected = ranked.filter(taken);
  const passed = ranked.filter((e) => !taken(e));
  for (const s of selected) {
    for (const p of passed) {
      if ((p.rank as number) < (s.rank as number)) {
        out.add(s.applicationId);
        out.add(p.applicationId);
      }
    }
  }
  // an application without a result that is selected anyway departs from the ranking too
  for (const e of entries) if (e.rank === null && taken(e)) out.add(e.applicationId);
  return out;
}

export interface YouthShare {
  programs: string[];
  /** The programs' names, so that the share says which projects it counts. */
  programNames: { zh: string; en: string }[];
  minPercent: number;
  ageUnder: number;
  young: number;
  total: number;
  /** Whole per cent, rounded down so "met" never rounds up into being met. */
  percent: number | null;
  met: boolean;
  source: ReturnType<typeof citeSource>;
}

/** The year's youth share with this list's selected entries counted, or null where the city has none. */
export function youthShare(
  policy: Policy,
  program: string,
  entries: readonly ListEntryFacts[],
  year: YearFacts,
): YouthShare | null {
  const rule = policy.decision.youthShare;
  if (!rule) return null;
  const counts = rule.programs.includes(program);
  const selected = counts ? entries.filter(taken) : [];
  const total = year.youth.total + selected.length;
  const young = year.youth.young + selected.filter((e) => e.piYouth === true).length;
  const percent = total === 0 ? null : Math.floor((young * 100) / total);
  return {
    programs: rule.programs,
    programNames: rule.programs.map((code) => {
      const p = policy.programs.find((x) => x.code === code);
      return { zh: p?.nameZh ?? code, en: p?.nameEn ?? code };
    }),
    minPercent: rule.minPercent,
    ageUnder: rule.ageUnder,
    young,
    total,
    percent,
    met: total === 0 || young * 100 >= rule.minPercent * total,
    source: citeSource(rule.source),
  };
}

const violation = (
  code: ErrorCode,
  messageZh: string,
  messageEn: string,
  extra: Partial<Violation> = {},
): Violation => ({
  code,
  messageZh,
  messageEn,
  ...extra,
});

export function listViolations(
  policy: Policy,
  program: string,
  entries: readonly ListEntryFacts[],
  year: YearFacts,
  reasons: ListReasons,
): Violation[] {
  const out: Violation[] = [];
  const selected = entries.filter(taken);
  const p = policy.programs.find((x) => x.code === program);
  if (selected.length === 0) {
    out.push(violation("DECISION_LIST_EMPTY", "名单中没有拟立项项目。", "The list selects no project."));
  }
  const cap = p?.yearlyCap;
  const count = year.issuedInProgram + selected.length;
  if (cap && count > cap.count) {
    const where = citeSource(cap.source);
    if (!cap.inPrinciple) {
      out.push(
        violation(
          "DECISION_OVER_CAP",
          `本年度${p.nameZh}立项将达 ${count} 项，超过上限 ${cap.count} 项。`,
          `This year's ${p.nameEn} projects would reach ${count}, over the cap of ${cap.count}.`,
          { ...where, path: "entries" },
        ),
      );
    } else if (!reasons.overCapReason?.trim()) {
      out.push(
        violation(
          "DECISION_OVER_CAP",
          `本年度${p.nameZh}立项将达 ${count} 项，超过“原则上不超过 ${cap.count} 项”，须填写超出理由。`,
          `This year's ${p.nameEn} projects would reach ${count}, over the in-principle cap of ${cap.count}; record a reason.`,
          { ...where, path: "overCapReason" },
        ),
      );
    }
  }
  const listFen = selected.reduce((s, e) => s + e.amountFen, 0);
  if (listFen > 0) {
    if (year.controlFen === null) {
      out.push(
        violation(
          "DECISION_NO_CONTROL_NUMBER",
          "市财政局尚未录入本年度预算控制数，名单不能提交。",
          "The finance bureau has not set this year's budget control number.",
          { ...citeSource(policy.decision.budgetControl.source), path: "entries" },
        ),
      );
    } else if (year.committedFen + listFen > year.controlFen) {
      out.push(
        violation(
          "DECISION_OVER_BUDGET",
          `本名单 ${formatWanYuan(listFen)} 万元，加上本年度已立项 ${formatWanYuan(year.committedFen)} 万元，超过预算控制数 ${formatWanYuan(year.controlFen)} 万元。`,
          `This list (${formatWanYuan(listFen)} wan yuan) plus this year's issued projects (${formatWanYuan(year.committedFen)}) exceeds the control number (${formatWanYuan(year.controlFen)}).`,
          { ...citeSource(policy.decision.budgetControl.source), path: "entries" },
        ),
      );
    }
  }
  const share = youthShare(policy, program, entries, year);
  if (share?.programs.includes(program) && !share.met && !reasons.youthShareReason?.trim()) {
    out.push(
      violation(
        "DECISION_YOUTH_SHARE_NOT_MET",
        `本年度青年项目占比 ${share.percent ?? 0}%，低于 ${share.minPercent}%，须填写理由。`,
        `This year's youth share is ${share.percent ?? 0} %, under ${share.minPercent} %; record a reason.`,
        { ...share.source, path: "youthShareReason" },
      ),
    );
  }
  for (const e of selected) {
    if (e.amountFen > e.maxFen) {
      out.push(
        violation(
          "DECISION_AMOUNT_OVER_REQUEST",
          `第 ${e.rank ?? "—"} 名的立项金额 ${formatWanYuan(e.amountFen)} 万元超过其申请（或后补助上限）${formatWanYuan(e.maxFen)} 万元。`,
          `Rank ${e.rank ?? "—"} is given ${formatWanYuan(e.amountFen)} wan yuan, more than its request (or subsidy cap) of ${formatWanYuan(e.maxFen)}.`,
          { path: `entries.${e.applicationId}.amountFen` },
        ),
      );
    }
  }
  const departing = departures(entries);
  for (const e of entries) {
    if (departing.has(e.applicationId) && !e.departureReason?.trim()) {
      out.push(
        violation(
          "DECISION_DEPARTURE_UNEXPLAINED",
          `第 ${e.rank ?? "—"} 名的取舍与评审排名不一致，须说明理由。`,
          `The decision on rank ${e.rank ?? "—"} departs from the ranking; give the reason.`,
          { path: `entries.${e.applicationId}.departureReason` },
        ),
      );
    }
  }
  return out;
}

/**
 * The money an entry commits against the year's control number, before the officer adjusts it:
 * what a pre-funded project asks for; for a post-subsidy program the most its best grade can pay
 * (LY-REFORM §三(四)2: 50 %, at most ¥100,000); nothing for filing, joint research or fund push,
 * which the city does not pay.
 */
export function plannedAmountFen(policy: Policy, program: string, requestedFen: number): number {
  const mode = policy.programs.find((p) => p.code === program)?.fundingMode;
  if (mode === "preFunding" || mode === "unspecified") return requestedFen;
  if (mode === "postSubsidy") {
    return computePostSubsidy(policy, { program, grade: "excellent", verifiedRdFen: requestedFen }).amountFen;
  }
  return 0;
}

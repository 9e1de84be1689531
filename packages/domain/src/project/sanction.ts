import type { Role } from "../identity/roles.ts";
import type { Suspension } from "../ledger/ledger.ts";
import type { Policy } from "../policy/policy.schema.ts";
import type { SanctionAuthority, SanctionKind } from "../policy/project-life.schema.ts";
import { citeSource } from "../policy/source.schema.ts";
import { addDays, chinaDayStart } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";

/**
 * 处理措施 (LY-FUNDS §25): the S&T or the finance bureau imposes a measure on a project's unit and PI
 * by the gravity of what they did. Each takes effect where it matters: a payment suspension in the
 * ledger until lifted, an eligibility ban and a bad integrity record in the application gates (as
 * integrity records), a termination by closing the project; interviews, reprimands and referrals to
 * the judicial organs are recorded.
 */
export const sanctionKindNames: Record<SanctionKind, { zh: string; en: string }> = {
  interview: { zh: "约谈", en: "Interview" },
  reprimand: { zh: "通报批评", en: "Reprimand" },
  paymentSuspension: { zh: "暂停项目拨款", en: "Payment suspension" },
  termination: { zh: "终止项目执行", en: "Termination" },
  eligibilityBan: { zh: "取消申报资格", en: "Eligibility ban" },
  badRecord: { zh: "纳入科研诚信不良记录", en: "Bad integrity record" },
  judicialReferral: { zh: "移送司法机关", en: "Referral to the judicial organs" },
};

export const sanctionAuthorityNames: Record<SanctionAuthority, { zh: string; en: string }> = {
  scienceBureau: { zh: "市科技局", en: "S&T bureau" },
  financeBureau: { zh: "市财政局", en: "Finance bureau" },
};

/** The role that speaks for each authority. */
export const authorityRole: Record<SanctionAuthority, Role> = {
  scienceBureau: "programOfficer",
  financeBureau: "financeOfficer",
};

/** Measures that last for a period and can be lifted by a recorded decision. */
const lasting = new Set<SanctionKind>(["paymentSuspension", "eligibilityBan"]);
export const sanctionLasts = (kind: SanctionKind) => lasting.has(kind);

export interface SanctionInput {
  kind: SanctionKind;
  authority: SanctionAuthority;
  fromDate: string;
  untilDate: string | null;
}

/**
 * Whether the city's policy lets this authority impose this measure, and its dates make sense: a
 * one-off measure has no end; a lasting one may end on a day or run until lifted.
 */
export function checkSanction(policy: Policy, roles: readonly Role[], s: SanctionInput) {
  const rules = policy.projectLife.sanctions;
  const cite = citeSource(rules.source);
  if (!rules.kinds.includes(s.kind)) {
    throw new DomainError({
      code: "VALIDATION",
      path: "kind",
      messageZh: `${policy.cityNameZh}的政策未规定“${sanctionKindNames[s.kind].zh}”这一处理措施。`,
      messageEn: `${policy.cityNameEn}'s policy names no ${sanctionKindNames[s.kind].en.toLowerCase()}.`,
      details: { kinds: rules.kinds, ...cite },
    });
  }
  if (!rules.authorities.includes(s.authority)) {
    throw new DomainError({
      code: "VALIDATION",
      path: "authority",
      messageZh: `${policy.cityNameZh}的政策未规定由${sanctionAuthorityNames[s.authority].zh}采取处理措施。`,
      messageEn: `${policy.cityNameEn}'s policy does not have the ${sanctionAuthorityNames[s.authority].en} impose measures.`,
      details: { authorities: rules.authorities, ...cite },
    });
  }
  if (!roles.includes(authorityRole[s.authority])) throw new DomainError({ code: "FORBIDDEN" });
  if (!sanctionLasts(s.kind) && s.untilDate !== null) {
    throw new DomainError({
      code: "VALIDATION",
      path: "untilDate",
      messageZh: "该处理措施一次作出，没有截止日期。",
      messageEn: "This measure is taken once and has no end date.",
    });
  }
  if (s.untilDate !== null && s.untilDate < s.fromDate) {
    throw new DomainError({ code: "INTEGRITY_PERIOD_INVALID", path: "untilDate" });
  }
  return cite;
}

/** A recorded sanction as the ledger needs it: its period in instants, ended early when lifted. */
export function suspensionsOf(
  sanctions: readonly {
    kind: SanctionKind;
    fromDate: string;
    untilDate: string | null;
    liftedAt: Date | null;
    /** When it was recorded: a payment made before then stands, whatever day the measure starts. */
    createdAt?: Date;
  }[],
): Suspension[] {
  return sanctions
    .filter((s) => s.kind === "paymentSuspension")
    .map((s) => {
      const ends = [
        s.untilDate ? chinaDayStart(addDays(s.untilDate, 1)) : null,
        s.liftedAt?.toISOString() ?? null,
      ].filter((x): x is string => x !== null);
      const start = chinaDayStart(s.fromDate);
      const recorded = s.createdAt?.toISOString();
      return { from: recorded && recorded > start ? recorded : start, until: ends.sort()[0] ?? null };
    });
}

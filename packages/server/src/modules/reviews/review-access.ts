import {
  chinaDateOf,
  citeSource,
  DomainError,
  notFound,
  type Policy,
  type ReviewOrganiser,
  reviewOrganiserFor,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { EntrustmentRow } from "./reviews.repository.ts";

export const planNotFound = () => notFound("评审方案不存在。", "No such review plan.");

export interface Organising {
  organiser: ReviewOrganiser;
  source: ReturnType<typeof citeSource>;
  entrustment: EntrustmentRow | null;
  /** The caller runs this call's review (else they watch its progress). */
  mayAct: boolean;
  whyNot: { zh: string; en: string } | null;
}

/**
 * Who runs a call's expert review, from the policy: in Luoyang public-welfare and soft-science
 * review is entrusted to a third-party agency (LY-REFORM §三(二)1), whose officers run it for the
 * calls and the period the bureau recorded, the bureau watching; elsewhere the bureau's program
 * officers run it themselves (DT-RULES §14(三)).
 */
export function organising(
  ctx: CallerContext,
  policy: Policy,
  program: string,
  callId: string,
  entrustments: readonly EntrustmentRow[],
): Organising {
  const rule = reviewOrganiserFor(policy, program);
  if (!rule) throw new DomainError({ code: "REVIEW_NOT_APPLICABLE" });
  const today = chinaDateOf(ctx.now);
  const entrustment =
    entrustments.find((e) => e.callIds.includes(callId) && e.periodFrom <= today && today <= e.periodUntil) ??
    null;
  const roles = ctx.actor.roles;
  const source = citeSource(rule.source);
  if (rule.organiser === "bureau") {
    const mayAct = roles.includes("programOfficer");
    return {
      organiser: "bureau",
      source,
      entrustment: null,
      mayAct,
      whyNot: mayAct
        ? null
        : { zh: "本批次由市科技局组织评审。", en: "The bureau organises this call's review." },
    };
  }
  const mayAct = roles.includes("agencyOfficer") && entrustment !== null;
  const whyNot = mayAct
    ? null
    : entrustment === null
      ? {
          zh: "本批次评审应委托第三方机构组织，市科技局尚未登记覆盖本批次且在有效期内的委托。",
          en: "This call's review is entrusted to an agency, and no entrustment covering it is in force.",
        }
      : {
          zh: `本批次评审已委托${entrustment.agencyName}组织，市科技局可查看进度。`,
          en: `This call's review is entrusted to ${entrustment.agencyName}; the bureau watches its progress.`,
        };
  return { organiser: "entrustedAgency", source, entrustment, mayAct, whyNot };
}

/** Refuses a caller who may watch but not run the review. */
export function mustAct(o: Organising): void {
  if (!o.mayAct) {
    throw new DomainError({
      code: "REVIEW_NOT_ORGANISER",
      messageZh: o.whyNot?.zh,
      messageEn: o.whyNot?.en,
      ...o.source,
    });
  }
}

export function policyOf(policies: readonly Policy[], city: string, version: string): Policy {
  const policy = policies.find((p) => p.city === city && p.version === version);
  if (!policy) throw new Error(`policy ${city}/${version} is not loaded`);
  return policy;
}

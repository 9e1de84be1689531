import { citySettingClause, type IntegrityKind } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Repositories } from "../../repositories.ts";

/**
 * Puts a project's unit and PI on the integrity record (科研诚信记录) for a sanction or a revocation,
 * linked to it so that lifting it lifts them. The PI is found by the keyed digest of the ID number
 * on their account; a PI without one cannot be matched later, so the answer says so for the audit.
 */
export async function recordOnIntegrity(
  repos: Pick<Repositories, "integrity" | "projectLife">,
  ctx: CallerContext,
  p: { cityId: string; unitId: string; piUserId: string | null },
  r: {
    kind: IntegrityKind;
    subjects: readonly ("unit" | "principalInvestigator")[];
    fromDate: string;
    untilDate: string | null;
    reason: string;
    /** The clause applied; null where the rule is the city's own setting. */
    clause: string | null;
    originId: string;
  },
): Promise<string[]> {
  const common = {
    cityId: p.cityId,
    kind: r.kind,
    fromDate: r.fromDate,
    untilDate: r.untilDate,
    reason: r.reason,
    clause: r.clause ?? citySettingClause,
    originId: r.originId,
    createdBy: ctx.actor.userId,
    createdAt: ctx.now,
  };
  const listed: string[] = [];
  if (r.subjects.includes("unit")) {
    await repos.integrity.insert({
      ...common,
      subject: "unit",
      unitId: p.unitId,
      personName: null,
      personDigest: null,
    });
    listed.push("unit");
  }
  // a project with no PI of its own (a directed commission names its unit) lists its unit alone
  if (r.subjects.includes("principalInvestigator") && p.piUserId !== null) {
    const pi = await repos.projectLife.person(p.piUserId);
    if (pi?.digest) {
      await repos.integrity.insert({
        ...common,
        subject: "person",
        unitId: null,
        personName: pi.name,
        personDigest: pi.digest,
      });
      listed.push("principalInvestigator");
    } else listed.push("principalInvestigatorWithoutIdNumber");
  }
  return listed;
}

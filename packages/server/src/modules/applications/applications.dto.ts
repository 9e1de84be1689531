import type { ApplicationDto, ApplicationSummaryDto } from "@luoshu/contract";
import {
  type Application,
  allowedApplicationActions,
  allowedApplicationEvents,
  applicationMachine,
  applicationNumber,
  memberFacts,
  type Policy,
  type Role,
  withoutSecrets,
} from "@luoshu/domain";

type Summary = Omit<Application, "content" | "commitment">;
interface UnitFacts {
  unitNameZh: string | null;
  unitKind: ApplicationSummaryDto["unitKind"];
}

/** The city's number prefix and program codes come from its policy file; nothing here names a city. */
export function numberOf(a: Summary, policies: readonly Policy[]): string {
  const policy = policies.find((p) => p.city === a.cityId) ?? {
    numberPrefix: a.cityId.toUpperCase(),
    programs: [],
  };
  return applicationNumber(a, policy);
}

export function toSummaryDto(
  a: Summary,
  policies: readonly Policy[],
  unit?: UnitFacts,
): ApplicationSummaryDto {
  const label = applicationMachine.labels[a.status];
  return {
    id: a.id,
    number: numberOf(a, policies),
    cityCode: a.cityId,
    callId: a.callId,
    guideId: a.guideId,
    unitId: a.unitId,
    unitNameZh: unit?.unitNameZh ?? null,
    unitKind: unit?.unitKind ?? null,
    districtCode: a.districtCode,
    title: a.title,
    status: a.status,
    statusZh: label.zh,
    statusEn: label.en,
    requestedFen: a.requestedFen,
    revision: a.revision,
    districtRank: a.districtRank,
    returnDeadline: a.returnDeadline?.toISOString() ?? null,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/**
 * Ciphers never leave the server; members carry age and the youth flag at the call's date instead.
 * The caller's allowed events and actions come from the domain, so the web never re-derives a rule.
 */
export function toApplicationDto(
  a: Application,
  ctx: { policies: readonly Policy[]; caller: { userId: string; roles: readonly Role[] } },
  callOpensAt: Date,
  unit?: UnitFacts,
): ApplicationDto {
  const team = a.content.team.map((member) => {
    const m = withoutSecrets(member);
    return { ...m, ...memberFacts(m.birthDate, callOpensAt) };
  });
  return {
    ...toSummaryDto(a, ctx.policies, unit),
    content: { ...a.content, team },
    commitment: a.commitment,
    piUserId: a.piUserId,
    policyVersion: a.policyVersion,
    allowedEvents: allowedApplicationEvents(a, ctx.caller),
    allowedActions: allowedApplicationActions(a, ctx.caller),
  };
}

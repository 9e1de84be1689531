import {
  type ApplicationContent,
  type ApplicationState,
  allowedEvents,
  applicationMachine,
  memberFacts,
  type Role,
} from "@luoshu/domain";
import { z } from "zod";
import type { ApplicationRow } from "./applications.repository.ts";

export const applicationSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  cityCode: z.string(),
  callId: z.string(),
  guideId: z.string(),
  unitId: z.string(),
  unitNameZh: z.string().nullable(),
  unitKind: z.string().nullable(),
  districtCode: z.string(),
  title: z.string(),
  status: z.string(),
  statusZh: z.string(),
  statusEn: z.string(),
  requestedFen: z.number(),
  revision: z.number(),
  districtRank: z.number().nullable(),
  returnDeadline: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const applicationSchema = applicationSummarySchema.extend({
  content: z.unknown(),
  commitment: z.unknown(),
  piUserId: z.string().nullable(),
  policyVersion: z.string(),
  allowedEvents: z.array(z.string()),
});

/** A readable reference until approval assigns the gapless project number. */
export function applicationNo(row: ApplicationRow): string {
  return `${row.cityId === "luoyang" ? "LY" : "DT"}-${row.createdAt.getUTCFullYear()}-${row.id.slice(0, 8).toUpperCase()}`;
}

export function toSummaryDto(
  row: ApplicationRow,
  unit?: { unitNameZh: string | null; unitKind: string | null },
) {
  const status = row.status as ApplicationState;
  return {
    id: row.id,
    number: applicationNo(row),
    cityCode: row.cityId,
    callId: row.callId,
    guideId: row.guideId,
    unitId: row.unitId,
    unitNameZh: unit?.unitNameZh ?? null,
    unitKind: unit?.unitKind ?? null,
    districtCode: row.districtCode,
    title: row.title,
    status,
    statusZh: applicationMachine.labels[status].zh,
    statusEn: applicationMachine.labels[status].en,
    requestedFen: row.requestedFen,
    revision: row.revision,
    districtRank: row.districtRank,
    returnDeadline: row.returnDeadline?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Ciphers never leave the server; members carry age and the youth flag at the call's date instead. */
export function toApplicationDto(
  row: ApplicationRow,
  roles: readonly Role[],
  callOpensAt: Date,
  unit?: { unitNameZh: string | null; unitKind: string | null },
) {
  const content = row.content as ApplicationContent;
  const team = content.team.map(({ idNumberCipher: _c, idNumberDigest: _d, ...m }) => ({
    ...m,
    ...memberFacts(m.birthDate, callOpensAt),
  }));
  return {
    ...toSummaryDto(row, unit),
    content: { ...content, team },
    commitment: row.commitment,
    piUserId: row.piUserId,
    policyVersion: row.policyVersion,
    allowedEvents: allowedEvents(applicationMachine, row.status as ApplicationState, roles),
  };
}

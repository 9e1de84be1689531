import type { IntegrityRecordDto } from "@luoshu/contract";
import { blocksApplications, type IntegrityRecord, inForce } from "@luoshu/domain";

export function toIntegrityDto(
  x: { record: IntegrityRecord; unitNameZh: string | null },
  now: Date,
): IntegrityRecordDto {
  const { cityId: _city, createdBy: _by, liftedBy: _lifter, liftedAt, liftReason, ...r } = x.record;
  const active = !liftedAt && inForce({ from: r.fromDate, until: r.untilDate }, now);
  return {
    ...r,
    lifted: liftedAt ? { at: liftedAt.toISOString(), reason: liftReason ?? "" } : null,
    unitNameZh: x.unitNameZh,
    inForce: active,
    blocksApplications: active && blocksApplications(r.kind),
    createdAt: r.createdAt.toISOString(),
  };
}

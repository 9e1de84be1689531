import type { ExpertDto } from "@luoshu/contract";
import { type ExpertView, isAssignable } from "@luoshu/domain";

export const toExpertDto = (e: ExpertView, now: Date): ExpertDto => ({
  id: e.id,
  cityCode: e.cityId,
  userId: e.userId,
  username: e.username,
  displayName: e.displayName,
  idNumberMasked: e.idNumberMasked,
  unit: { id: e.unitId, nameZh: e.unitNameZh, uscc: e.unitUscc },
  disciplines: e.disciplines,
  keywords: e.keywords,
  title: e.title,
  region: e.region,
  availability: e.availability,
  formerUnits: e.formerUnits,
  phone: e.phone,
  email: e.email,
  status: e.status,
  suspensionReason: e.suspensionReason,
  suspendedAt: e.suspendedAt?.toISOString() ?? null,
  assignableToday: isAssignable(e, now),
  createdAt: e.createdAt.toISOString(),
});

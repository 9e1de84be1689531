import type { NeedDto } from "@luoshu/contract";
import { type Need, needMachine } from "@luoshu/domain";

/** What the bureau sees of a need: everything but the submitter's contact. */
export const toNeedDto = (n: Need): NeedDto => ({
  id: n.id,
  cityCode: n.cityId,
  title: n.title,
  field: n.field,
  problem: n.problem,
  expectedIndicators: n.expectedIndicators,
  coFundingFen: n.coFundingFen,
  submitterName: n.submitterName,
  status: n.status,
  statusZh: needMachine.labels[n.status].zh,
  mergedInto: n.mergedInto,
  decisionReason: n.decisionReason,
  createdAt: n.createdAt.toISOString(),
});

import type { Violation } from "../shared/errors.ts";
import { type Conflict, conflictReasonNames } from "./conflicts.ts";

/**
 * One reviewer place on one application, filled by hand (an officer's override) or from the pool
 * (after a decline or a declared conflict): the same constraints as the solver's, checked for the
 * one place. Everyone else keeps their place, so the best fill is the candidate of highest affinity
 * that breaks no constraint.
 */
export interface SlotCandidate {
  expertId: string;
  unitId: string;
  /** Not suspended (and in the pool at all). */
  assignable: boolean;
  /** Places the expert holds in this plan now. */
  load: number;
  conflicts: readonly Conflict[];
}

export interface SlotHolder {
  expertId: string;
  unitId: string;
}

/** Why the candidate may not take the place; empty when they may. */
export function slotViolations(
  candidate: SlotCandidate,
  holders: readonly SlotHolder[],
  maxLoad: number,
): Violation[] {
  const found: Violation[] = [];
  if (!candidate.assignable) {
    found.push({
      code: "REVIEW_EXPERT_UNAVAILABLE",
      messageZh: "该专家已暂停，不能分配。",
      messageEn: "The expert is suspended and cannot be assigned.",
    });
  }
  for (const c of candidate.conflicts) {
    found.push({
      code: "REVIEW_CONFLICT",
      messageZh: `该专家须回避：${conflictReasonNames[c.reason].zh}。`,
      messageEn: `The expert is conflicted: ${conflictReasonNames[c.reason].en}.`,
      ...(c.clause ? { clause: c.clause } : {}),
      ...(c.setting ? { setting: c.setting } : {}),
    });
  }
  if (holders.some((h) => h.expertId === candidate.expertId)) {
    found.push({
      code: "REVIEW_SLOT_INVALID",
      messageZh: "该专家已在评审这份申报书。",
      messageEn: "The expert already reviews this application.",
    });
  } else if (holders.some((h) => h.unitId === candidate.unitId)) {
    found.push({
      code: "REVIEW_SLOT_INVALID",
      messageZh: "同一单位至多一名专家评审同一份申报书，该单位已有专家在评。",
      messageEn: "At most one expert of a unit reviews an application, and this unit has one already.",
    });
  }
  if (candidate.load >= maxLoad) {
    found.push({
      code: "REVIEW_SLOT_INVALID",
      messageZh: `该专家已分配 ${candidate.load} 份，达到每人最多 ${maxLoad} 份。`,
      messageEn: `The expert has ${candidate.load} applications, the most one expert takes (${maxLoad}).`,
    });
  }
  return found;
}

/** The free candidate of highest affinity (ties: fewest places held, then id), or null. */
export function bestFill<C extends SlotCandidate>(
  candidates: readonly C[],
  holders: readonly SlotHolder[],
  maxLoad: number,
  affinityOf: (c: C) => number,
): C | null {
  let best: C | null = null;
  for (const c of candidates) {
    if (slotViolations(c, holders, maxLoad).length > 0) continue;
    if (
      best === null ||
      affinityOf(c) > affinityOf(best) ||
      (affinityOf(c) === affinityOf(best) &&
        (c.load < best.load || (c.load === best.load && c.expertId < best.expertId)))
    ) {
      best = c;
    }
  }
  return best;
}

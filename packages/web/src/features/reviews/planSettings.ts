import type { Dayjs } from "dayjs";
import type { ReviewPlan, ReviewSettingsInput } from "../../api/reviews";
import { instantOf, pickerValueOf } from "../guides/callTime";

/** The settings card's form: the plan's settings with the deadline on a Beijing-time picker. */
export interface SettingsValues {
  /** `key` follows a panel while panels are added and removed; it is not sent. */
  panels: PanelValues[];
  reviewersPerApplication: number;
  minLoad: number;
  maxLoad: number;
  mode: ReviewPlan["settings"]["mode"];
  pairCapPercent: number;
  scoringDeadline: Dayjs | undefined;
}

export interface PanelValues {
  key: string;
  nameZh: string;
  disciplines: string[];
}

/** The key of a panel the plan already has (new ones get a fresh key). */
export const panelKey = (index: number) => `saved-${index}`;

let fresh = 0;
export const newPanelKey = () => {
  fresh += 1;
  return `new-${fresh}`;
};

/** Form fields the server's errors may name (`panels.0.disciplines` lands on `panels`). */
export const settingsFields = [
  "panels",
  "reviewersPerApplication",
  "minLoad",
  "maxLoad",
  "mode",
  "pairCapPercent",
  "scoringDeadline",
] as const;

export function settingsValuesOf(plan: ReviewPlan): SettingsValues {
  const s = plan.settings;
  return {
    panels: s.panels.map((p, i) => ({ key: panelKey(i), nameZh: p.nameZh, disciplines: [...p.disciplines] })),
    reviewersPerApplication: s.reviewersPerApplication,
    minLoad: s.minLoad,
    maxLoad: s.maxLoad,
    mode: s.mode,
    pairCapPercent: s.pairCapPercent,
    scoringDeadline: pickerValueOf(s.scoringDeadline),
  };
}

/**
 * The body of PUT settings. `panelDraft` holds the panel (by key) chosen for an application in the
 * ranking table; an application whose panel was removed goes to the first panel.
 */
export function settingsBodyOf(
  v: SettingsValues,
  plan: ReviewPlan,
  panelDraft: Record<string, string>,
): ReviewSettingsInput {
  const indexOf = (key: string) =>
    Math.max(
      0,
      v.panels.findIndex((p) => p.key === key),
    );
  const panelOf: Record<string, number> = {};
  for (const item of plan.items) {
    const next = indexOf(panelDraft[item.applicationId] ?? panelKey(item.panelIndex));
    if (next !== item.panelIndex) panelOf[item.applicationId] = next;
  }
  return {
    panels: v.panels.map((p) => ({ nameZh: p.nameZh.trim(), disciplines: p.disciplines })),
    reviewersPerApplication: v.reviewersPerApplication,
    minLoad: v.minLoad,
    maxLoad: v.maxLoad,
    mode: v.mode,
    pairCapPercent: v.pairCapPercent,
    scoringDeadline: v.scoringDeadline ? instantOf(v.scoringDeadline) : plan.settings.scoringDeadline,
    panelOf,
  };
}

import type { Role } from "../identity/roles.ts";
import type { ApplicationState } from "./application.machine.ts";

export interface QueueNotice {
  /** Who is told: holders of this role in the city, in this district when not null. */
  role: Role;
  districtCode: string | null;
  titleZh: string;
  titleEn: string;
  link: string;
}

/**
 * Whose queue an application lands in when it reaches a state, and what they are told: the district
 * officers of its own district for the preliminary review, every review agency officer of the city
 * for the formal check; null where no reviewer's work begins.
 */
export function reviewQueueNotice(
  a: { id: string; title: string; districtCode: string },
  state: ApplicationState,
): QueueNotice | null {
  const link = `/applications/${a.id}`;
  if (state === "submitted")
    return {
      role: "districtOfficer",
      districtCode: a.districtCode,
      titleZh: `待县区初审：申报书“${a.title}”`,
      titleEn: `New for the district review: "${a.title}"`,
      link,
    };
  if (state === "recommended")
    return {
      role: "agencyOfficer",
      districtCode: null,
      titleZh: `待形式审查：申报书“${a.title}”`,
      titleEn: `New for the formal check: "${a.title}"`,
      link,
    };
  return null;
}

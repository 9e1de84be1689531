/**
 * 项目编号: city prefix, year and program code with a gapless sequence (LY-2026-GY-001). The
 * documents set no format; the prefix and program codes are the city's settings in its policy file.
 * Three digits at least, more when a year's count needs them, so numbers still sort by width first.
 */
export function projectNumber(prefix: string, year: number, numberCode: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError("sequence must be a positive integer");
  return `${prefix}-${year}-${numberCode}-${String(sequence).padStart(3, "0")}`;
}

/**
 * How a project came to be: a proposed list, filing (备案, guiding), a directed commission (定向委托),
 * an open challenge (揭榜挂帅), joint research approved with a laboratory (联合科研).
 */
export const projectOrigins = [
  "proposedList",
  "filing",
  "directedCommission",
  "openChallenge",
  "jointResearch",
] as const;
export type ProjectOrigin = (typeof projectOrigins)[number];

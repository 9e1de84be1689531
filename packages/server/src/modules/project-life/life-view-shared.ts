/** A stored clause text back as a citation: null is the city's own setting. */
export const citationOfClause = (clause: string | null) =>
  clause === null ? { setting: "city" as const } : { clause };

import { DomainError } from "@luoshu/domain";

/** The constraint a unique violation (PostgreSQL 23505) names, whichever driver and wrapper carried it. */
export function uniqueViolation(e: unknown): string | null {
  let x: unknown = e;
  for (let depth = 0; depth < 4 && x && typeof x === "object"; depth++) {
    const o = x as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (o.code === "23505") return typeof o.constraint === "string" ? o.constraint : "";
    x = o.cause;
  }
  return null;
}

export interface ConflictMessage {
  path: string;
  messageZh: string;
  messageEn: string;
}

/**
 * Uniqueness is the database's to keep, so two people pressing the same button at once cannot both
 * win: the loser's insert hits the constraint, and this turns it into a clear 409 naming the field.
 */
export async function withConflicts<T>(
  messages: Record<string, ConflictMessage>,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const constraint = uniqueViolation(e);
    if (constraint === null) throw e;
    const m = messages[constraint];
    throw new DomainError({
      code: "CONFLICT",
      ...(m ?? {
        messageZh: "该记录已存在，请刷新后重试。",
        messageEn: "It exists already; reload and try again.",
      }),
    });
  }
}

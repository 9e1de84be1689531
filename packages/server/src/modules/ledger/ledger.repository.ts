import { type Account, accountKey, type Posting } from "@luoshu/domain";
import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { ledgerPostings } from "../../db/schema/index.ts";

type PostingRow = typeof ledgerPostings.$inferSelect;

/** The domain's account from its key (`budget:2026`, `unit:<project>`), as `accountKey` wrote it. */
export function accountOf(key: string): Account {
  const [kind, rest = ""] = key.split(/:(.*)/s);
  switch (kind) {
    case "treasury":
      return { kind: "treasury" };
    case "budget":
      return { kind: "budget", year: Number(rest) };
    case "commitment":
    case "unit":
      return { kind, projectId: rest };
    default:
      throw new Error(`unknown ledger account ${key}`);
  }
}

export const postingOf = (r: PostingRow): Posting => ({
  id: r.id,
  kind: r.kind,
  from: accountOf(r.fromAccount),
  to: accountOf(r.toAccount),
  amountFen: r.amountFen,
  year: r.year,
  projectId: r.projectId,
  node: r.node,
  paymentId: r.paymentId,
  idempotencyKey: r.idempotencyKey,
  request: r.request,
  at: r.at.toISOString(),
});

/**
 * The ledger's postings, only ever inserted. `lock` serialises a city's money operations for the rest
 * of the transaction, so each is checked against the ledger as the one before it left it.
 */
export function ledgerRepository(db: Db) {
  return {
    async lock(cityId: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`ledger:${cityId}`}))`);
    },

    /**
     * The postings an operation is checked against: its year's, and an earlier one under its key
     * (none without a key: the year's alone).
     */
    async postingsFor(cityId: string, year: number, idempotencyKey?: string): Promise<Posting[]> {
      const ofYear = eq(ledgerPostings.year, year);
      const rows = await db
        .select()
        .from(ledgerPostings)
        .where(
          and(
            eq(ledgerPostings.cityId, cityId),
            idempotencyKey === undefined
              ? ofYear
              : or(ofYear, eq(ledgerPostings.idempotencyKey, idempotencyKey)),
          ),
        )
        .orderBy(asc(ledgerPostings.at), asc(ledgerPostings.id));
      return rows.map(postingOf);
    },

    async postingsOfProject(cityId: string, projectId: string): Promise<Posting[]> {
      const rows = await db
        .select()
        .from(ledgerPostings)
        .where(and(eq(ledgerPostings.cityId, cityId), eq(ledgerPostings.projectId, projectId)))
        .orderBy(asc(ledgerPostings.at), asc(ledgerPostings.id));
      return rows.map(postingOf);
    },

    /** A city's whole ledger, or every city's (`ledger:verify`). */
    async allPostings(cityId: string | null): Promise<(Posting & { cityId: string })[]> {
      const rows = await db
        .select()
        .from(ledgerPostings)
        .where(cityId === null ? undefined : eq(ledgerPostings.cityId, cityId))
        .orderBy(asc(ledgerPostings.at), asc(ledgerPostings.id));
      return rows.map((r) => ({ ...postingOf(r), cityId: r.cityId }));
    },

    async insert(cityId: string, by: string, p: Posting): Promise<void> {
      await db.insert(ledgerPostings).values({
        cityId,
        id: p.id,
        kind: p.kind,
        fromAccount: accountKey(p.from),
        toAccount: accountKey(p.to),
        amountFen: p.amountFen,
        year: p.year,
        projectId: p.projectId,
        node: p.node,
        paymentId: p.paymentId,
        idempotencyKey: p.idempotencyKey,
        request: p.request,
        at: new Date(p.at),
        by,
      });
    },
  };
}
export type LedgerRepository = ReturnType<typeof ledgerRepository>;

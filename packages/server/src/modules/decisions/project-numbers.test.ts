import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { systemContext } from "../../lib/context.ts";
import { FieldCipher } from "../../lib/sm-crypto.ts";
import { createTransactor } from "../../lib/transaction.ts";
import { openTestDatabase } from "../../test/test-app.ts";

// Project numbers are gapless and unique when approvals run at once (design notes: a counter row per
// city, year and program, advanced inside the approval's transaction).

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("project numbers under 50 parallel approvals", () => {
  it("hands out 1…n to the ones that commit, whatever rolls back in between", async () => {
    const tx = createTransactor(database.db, { signer: new FieldCipher(crypto.randomBytes(16)) });
    const ctx = systemContext(new Date("2026-03-02T02:00:00Z"));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        tx.run(ctx, async ({ projects }) => {
          const n = await projects.takeNumbers("luoyang", 2026, "GY", 1);
          // every seventh approval fails after taking its number: the number goes back
          if (i % 7 === 3) throw new Error("approval failed");
          return n;
        }),
      ),
    );
    const taken = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    expect(taken).toHaveLength(43);
    expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    const other = await tx.run(ctx, ({ projects }) => projects.takeNumbers("luoyang", 2026, "RK", 3));
    expect(other).toBe(1);
  });
});

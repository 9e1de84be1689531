import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client.ts";
import { systemContext } from "../../lib/context.ts";
import { createTransactor } from "../../lib/transaction.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { sealAudit, verifyAuditChain } from "./audit.repository.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("audit chain", () => {
  it("chains every record by SM3 and verifies whole", async () => {
    await t.as("ly-officer");
    await t.as("dt-officer");
    await sealAudit(t.database.db, { wait: true });
    const verdict = await verifyAuditChain(t.database.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBeGreaterThan(20);
    const auditor = await t.as("auditor");
    const res = await auditor.get("/api/audit/verify");
    expect(res.body).toMatchObject({ ok: true });
  });

  it("is readable by the auditor alone", async () => {
    expect((await (await t.as("sysadmin")).get("/api/audit")).status).toBe(403);
    expect((await (await t.as("secadmin")).get("/api/audit")).status).toBe(403);
    const auditor = await t.as("auditor");
    await sealAudit(t.database.db, { wait: true });
    const res = await auditor.get("/api/audit?pageSize=5");
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      action: "auth.login",
      actorUsername: "auditor",
      ip: "127.0.0.1",
    });
    expect(res.body.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names the first record whose content was changed", async () => {
    await sealAudit(t.database.db, { wait: true });
    await t.database.db.execute(
      sql`update audit_log set after = '{"username":"forged"}'::jsonb where chain_pos = 5`,
    );
    const verdict = await verifyAuditChain(t.database.db, { batch: 3 });
    expect(verdict).toMatchObject({ ok: false, checked: 4, firstBroken: { seq: 5 } });
    if (!verdict.ok) expect(verdict.firstBroken.reason).toMatch(/changed/);
  });

  it("names a removed record", async () => {
    const fresh = await createTestApp();
    try {
      await sealAudit(fresh.database.db, { wait: true });
      await fresh.database.db.execute(sql`delete from audit_log where chain_pos = 7`);
      const verdict = await verifyAuditChain(fresh.database.db);
      expect(verdict).toMatchObject({ ok: false, firstBroken: { seq: 8 } });
    } finally {
      await fresh.close();
    }
  });
});

describe("audit sealer", () => {
  it("chains records of concurrent transactions once, whatever order they commit in, even with racing sealers", async () => {
    const fresh = await createTestApp();
    try {
      const ctx = systemContext(fresh.clock.now(), "test");
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          createTransactor(fresh.database.db).run(ctx, async (_repos, audit) =>
            audit({ action: "test.concurrent", entityType: "test", entityId: String(i) }),
          ),
        ),
      );
      const sealed = await Promise.all([
        sealAudit(fresh.database.db),
        sealAudit(fresh.database.db),
        sealAudit(fresh.database.db),
      ]);
      await sealAudit(fresh.database.db, { wait: true });
      const verdict = await verifyAuditChain(fresh.database.db, { now: fresh.clock.now() });
      expect(verdict).toMatchObject({ ok: true, unsealed: 0 });
      expect(verdict.checked).toBeGreaterThan(30);
      expect(sealed.every((n) => n === null || n >= 0)).toBe(true);
      const [row] = rowsOf<{ n: string; d: string }>(
        await fresh.database.db.execute(
          sql`select count(*) as n, count(distinct chain_pos) as d from audit_log`,
        ),
      );
      expect(row?.n).toBe(row?.d);
    } finally {
      await fresh.close();
    }
  });

  it("reports records left unchained for longer than the grace period", async () => {
    const fresh = await createTestApp();
    try {
      await sealAudit(fresh.database.db, { wait: true });
      const ctx = systemContext(fresh.clock.now(), "test");
      await fresh.database.db.transaction(async (tx) => {
        await tx.execute(
          sql`insert into audit_log (at, action, entity_type) values (${ctx.now.toISOString()}, 'test.orphan', 'test')`,
        );
      });
      const later = new Date(ctx.now.getTime() + 60_000);
      const verdict = await verifyAuditChain(fresh.database.db, { now: later });
      expect(verdict).toMatchObject({ ok: false, unsealed: 1 });
    } finally {
      await fresh.close();
    }
  });
});

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client.ts";
import { systemContext } from "../../lib/context.ts";
import { createTransactor } from "../../lib/transaction.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { appendAudit, sealAudit, verifyAuditChain } from "./audit.repository.ts";
import { AuditSealer } from "./audit-sealer.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const seal = (app: TestApp) => sealAudit(app.database.db, app.cipher, { wait: true });
const verify = (app: TestApp, opts: { batch?: number; now?: Date } = {}) =>
  verifyAuditChain(app.database.db, app.cipher, { anchor: app.auditKeys.anchor, ...opts });
/** What the running server does after each commit: chain, then move the anchor outside the database. */
const sealAndAnchor = (app: TestApp) => new AuditSealer(app.database.db, app.auditKeys).stop();

async function withFreshApp(work: (app: TestApp) => Promise<void>) {
  const fresh = await createTestApp();
  try {
    await work(fresh);
  } finally {
    await fresh.close();
  }
}

describe("audit chain", () => {
  it("chains every record by SM3 and verifies whole", async () => {
    await t.as("ly-officer");
    await t.as("dt-officer");
    await sealAndAnchor(t);
    const verdict = await verify(t);
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
    await seal(t);
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
    await seal(t);
    await t.database.db.execute(
      sql`update audit_log set after = '{"username":"forged"}'::jsonb where chain_pos = 5`,
    );
    const verdict = await verify(t, { batch: 3 });
    expect(verdict).toMatchObject({ ok: false, checked: 4, firstBroken: { seq: 5 } });
    if (!verdict.ok) expect(verdict.firstBroken.reason).toMatch(/changed/);
  });

  it("names a removed record", async () => {
    await withFreshApp(async (fresh) => {
      await seal(fresh);
      await fresh.database.db.execute(sql`delete from audit_log where chain_pos = 7`);
      const verdict = await verify(fresh);
      expect(verdict).toMatchObject({ ok: false, firstBroken: { seq: 8 } });
    });
  });

  it("sees the newest records deleted, and never gives their positions to new records", async () => {
    await withFreshApp(async (fresh) => {
      await sealAndAnchor(fresh);
      const [before] = rowsOf<{ max: number }>(
        await fresh.database.db.execute(sql`select max(chain_pos)::int as max from audit_log`),
      );
      const last = before?.max ?? 0;
      await fresh.database.db.execute(sql`delete from audit_log where chain_pos > ${last - 2}`);
      const verdict = await verify(fresh);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.firstBroken.reason).toMatch(/newest records are missing/);
      await fresh.as("ly-officer");
      await seal(fresh);
      const [after] = rowsOf<{ min: number }>(
        await fresh.database.db.execute(
          sql`select min(chain_pos)::int as min from audit_log where chain_pos > ${last - 2}`,
        ),
      );
      expect(after?.min).toBe(last + 1);
    });
  });

  it("sees a deleted tail even when the head row was rewound with it, by the anchor outside the database", async () => {
    await withFreshApp(async (fresh) => {
      await sealAndAnchor(fresh);
      const anchored = fresh.auditKeys.anchor?.read();
      expect(anchored?.pos).toBeGreaterThan(3);
      const pos = (anchored?.pos ?? 0) - 2;
      await fresh.database.db.execute(sql`delete from audit_log where chain_pos > ${pos}`);
      await fresh.database.db.execute(
        sql`update audit_chain_head set pos = ${pos}, hash = (select hash from audit_log where chain_pos = ${pos})`,
      );
      const verdict = await verify(fresh);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.firstBroken.reason).toMatch(/anchor outside the database/);
      // New records do not move the anchor past the evidence.
      await fresh.as("ly-officer");
      await fresh.as("dt-officer");
      await sealAndAnchor(fresh);
      expect(fresh.auditKeys.anchor?.read()?.pos).toBe(anchored?.pos);
      expect((await verify(fresh)).ok).toBe(false);
    });
  });

  it("keeps a row inserted by hand, backdated and in another's name, out of the chain and names it", async () => {
    await withFreshApp(async (fresh) => {
      await seal(fresh);
      const [forged] = rowsOf<{ seq: number }>(
        await fresh.database.db.execute(sql`insert into audit_log (at, actor_username, actor_role, action, entity_type, city_id)
          values ('2026-01-05T01:00:00Z', 'ly-leader', 'bureauLeader', 'guide.publish', 'guide', 'luoyang')
          returning seq::int`),
      );
      await fresh.as("ly-officer");
      await seal(fresh);
      const [row] = rowsOf<{ chain_pos: number | null }>(
        await fresh.database.db.execute(sql`select chain_pos from audit_log where seq = ${forged?.seq}`),
      );
      expect(row?.chain_pos).toBeNull();
      const verdict = await verify(fresh, { now: fresh.clock.now() });
      expect(verdict).toMatchObject({ ok: false, firstBroken: { seq: forged?.seq } });
      if (!verdict.ok) expect(verdict.firstBroken.reason).toMatch(/not written by the application/);
    });
  });
});

describe("audit sealer", () => {
  it("chains records of concurrent transactions once, whatever order they commit in, even with racing sealers", async () => {
    await withFreshApp(async (fresh) => {
      const ctx = systemContext(fresh.clock.now(), "test");
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          createTransactor(fresh.database.db, fresh.auditKeys).run(ctx, async (_repos, audit) =>
            audit({ action: "test.concurrent", entityType: "test", entityId: String(i) }),
          ),
        ),
      );
      const sealed = await Promise.all([
        sealAudit(fresh.database.db, fresh.cipher),
        sealAudit(fresh.database.db, fresh.cipher),
        sealAudit(fresh.database.db, fresh.cipher),
      ]);
      await seal(fresh);
      const verdict = await verify(fresh, { now: fresh.clock.now() });
      expect(verdict).toMatchObject({ ok: true, unsealed: 0 });
      expect(verdict.checked).toBeGreaterThan(30);
      expect(sealed.every((n) => n === null || n.sealed >= 0)).toBe(true);
      const [row] = rowsOf<{ n: string; d: string }>(
        await fresh.database.db.execute(
          sql`select count(*) as n, count(distinct chain_pos) as d from audit_log`,
        ),
      );
      expect(row?.n).toBe(row?.d);
    });
  });

  it("reports records left unchained for longer than the grace period", async () => {
    await withFreshApp(async (fresh) => {
      await seal(fresh);
      const at = fresh.clock.now();
      // Written and signed by the application's own code, but no sealer was kicked.
      const actor = { actorId: null, actorUsername: null, actorRole: "test", ip: null };
      await fresh.database.db.transaction((tx) =>
        appendAudit(tx, fresh.cipher, actor, [{ action: "test.orphan", entityType: "test" }], at),
      );
      const verdict = await verifyAuditChain(fresh.database.db, fresh.cipher, {
        now: new Date(at.getTime() + 60_000),
      });
      expect(verdict).toMatchObject({ ok: false, unsealed: 1 });
    });
  });
});

import { type Actor, scopeFor } from "@luoshu/domain";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client.ts";
import { integrityRecords, users } from "../../db/schema/index.ts";
import { applicantSession } from "../../test/applicant-session.ts";
import {
  pdf,
  piId,
  prepareForSubmission,
  startApplication as start,
} from "../../test/application-fixtures.ts";
import type { Client } from "../../test/test-app.ts";
import { sealAudit, verifyAuditChain } from "../audit/audit.repository.ts";
import { submissionsRepository } from "./submissions-sql.ts";

const s = applicantSession();

const startApplication = (client: Client, title?: string) => start(client, s.callId, title);
const prepare = (id: string) => prepareForSubmission(s.pi, s.unit, id);

const count = async (table: string, id: string) => {
  const [row] = rowsOf<{ n: number }>(
    await s.t.database.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)} where application_id = ${id}`,
    ),
  );
  return row?.n;
};

describe("submission under concurrency (one guarded write, no lock held)", () => {
  it("refuses a PI under a personal ban, found by the team's ID number, also in drafts saved before digests", async () => {
    await s.t.database.db.insert(integrityRecords).values({
      cityId: "luoyang",
      subject: "person",
      personDigest: s.t.cipher.digest(piId),
      personName: "周博",
      kind: "eligibilityBan",
      fromDate: "2026-01-01",
      untilDate: "2028-01-01",
      reason: "测试：项目负责人受限",
      clause: "LY-FUNDS §25",
      createdAt: s.t.clock.now(),
    });
    try {
      const id = await startApplication(s.pi);
      await prepare(id);
      const banned = await s.pi.post(`/api/applications/${id}/submit`);
      expect(banned.body.details.violations.map((v: { code: string }) => v.code)).toContain(
        "SUBMIT_PI_BANNED",
      );
      // A draft whose members carry no digest yet: the number is decrypted and looked up instead.
      await s.t.database.db.execute(sql`update applications set content = jsonb_set(content, '{team,0}',
        (content->'team'->0) - 'idNumberDigest') where id = ${id}`);
      const legacy = await s.pi.post(`/api/applications/${id}/submit`);
      expect(legacy.body.details.violations.map((v: { code: string }) => v.code)).toContain(
        "SUBMIT_PI_BANNED",
      );
    } finally {
      await s.t.database.db.delete(integrityRecords).where(eq(integrityRecords.subject, "person"));
    }
  });

  it("submits once when the same application is submitted twice at the same moment", async () => {
    const id = await startApplication(s.pi);
    await prepare(id);
    const [a, b] = await Promise.all([
      s.pi.post(`/api/applications/${id}/submit`),
      s.unit.post(`/api/applications/${id}/submit`),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 422]);
    const history = await s.pi.get(`/api/applications/${id}/history`);
    expect(history.body.revisions).toHaveLength(1);
  });

  it("misses its write when the application changed after the gates judged it, and writes nothing", async () => {
    const id = await startApplication(s.pi);
    await prepare(id);
    const [u] = await s.t.database.db.select().from(users).where(eq(users.username, "ly-pi"));
    if (!u) throw new Error("no demo PI");
    const actor: Actor = { ...u, userId: u.id, roles: ["principalInvestigator"] };
    const submissions = submissionsRepository(s.t.database.db, s.t.cipher);
    const facts = await submissions.readFacts(scopeFor(actor, "city"), id);
    if (!facts) throw new Error("the PI cannot see the application");
    // An upload between the read and the write: the snapshot judged would lack this file.
    const up = await s.pi.request("PUT", `/api/applications/${id}/attachments/commitmentScan`, pdf, {
      "content-type": "application/octet-stream",
      "x-file-name": encodeURIComponent("承诺书-重签.pdf"),
    });
    expect(up.status).toBe(200);
    const applied = await submissions.write({
      cityId: "luoyang",
      applicationId: id,
      rowVersion: facts.rowVersion,
      revision: 1,
      snapshot: { content: facts.application.content, attachments: [], commitment: {} },
      contentHash: "x",
      event: "submit",
      fromState: "draft",
      toState: "submitted",
      at: s.t.clock.now(),
      actor: { actorId: actor.userId, actorUsername: actor.username, actorRole: null, ip: null },
      audit: { action: "application.submit", entityType: "application", entityId: id },
      notice: null,
    });
    expect(applied).toBe(false);
    expect(await count("application_revisions", id)).toBe(0);
    expect(await count("application_events", id)).toBe(0);
    const detail = await s.pi.get(`/api/applications/${id}`);
    expect(detail.body.status).toBe("draft");
    // Through the API the submission judges again and goes through.
    expect((await s.pi.post(`/api/applications/${id}/submit`)).status).toBe(200);
  });

  it("chains the audit records written by the single statement like any other", async () => {
    await sealAudit(s.t.database.db, s.t.cipher, { wait: true });
    const verdict = await verifyAuditChain(s.t.database.db, s.t.cipher, {
      now: s.t.clock.now(),
      anchor: s.t.auditKeys.anchor,
    });
    expect(verdict).toMatchObject({ ok: true, unsealed: 0 });
    const audit = await (await s.t.as("auditor")).get("/api/audit?pageSize=100");
    expect(audit.body.items.some((r: { action: string }) => r.action === "application.submit")).toBe(true);
  });

  it("refuses submission once the guide is closed early, inside the call window", async () => {
    const id = await startApplication(s.pi);
    await prepare(id);
    const leader = await s.t.as("ly-leader");
    expect((await leader.post(`/api/guides/${s.guideId}/events/close`)).status).toBe(200);
    const res = await s.pi.post(`/api/applications/${id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("SUBMIT_WINDOW_CLOSED");
    const guide = await s.pi.get(`/api/guides/${s.guideId}`);
    expect(guide.body.calls[0].window).toBe("closed");
  });
});

import type { Scope } from "@luoshu/domain";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client.ts";
import { applicantSession } from "../../test/applicant-session.ts";
import { fullContent, prepareForSubmission, startApplication } from "../../test/application-fixtures.ts";
import { applicationsRepository } from "./applications.repository.ts";
import { submissionsRepository } from "./submissions-sql.ts";

// Stored JSON outlives the code that wrote it: rows saved in an older shape must still be read (the
// domain schemas' defaults are the upgrade), and a value the code does not know must stop the read.

const s = applicantSession();
let scope: Scope;
beforeAll(() => {
  const unitId = (s.pi.me.unit as { id: string }).id;
  scope = { kind: "unit", cityId: "luoyang", unitId };
});

/** The content as drafts were saved before members carried a digest and before the optional sections. */
const rewriteAsOlderShape = (id: string) =>
  s.t.database.db.execute(sql`update applications set content = jsonb_build_object(
      'basic', (content->'basic') - 'keywords' - 'field',
      'team', jsonb_build_array((content->'team'->0) - 'idNumberDigest'),
      'targets', content->'targets',
      'budget', jsonb_build_object('lines', content->'budget'->'lines'))
    where id = ${id}`);

const storedTeam = async (id: string) => {
  const [row] = rowsOf<{ member: Record<string, unknown>; partners: boolean }>(
    await s.t.database.db.execute(
      sql`select content->'team'->0 as member, content ? 'partners' as partners from applications where id = ${id}`,
    ),
  );
  if (!row) throw new Error(`no application ${id}`);
  return row;
};

describe("applications stored in an older shape", () => {
  it("reads a member without a digest and missing sections, through the API and the repository", async () => {
    const id = await startApplication(s.pi, s.callId, "旧格式申报书");
    expect((await s.pi.put(`/api/applications/${id}/content`, fullContent("旧格式申报书"))).status).toBe(200);
    const saved = await storedTeam(id);
    expect(saved.member.idNumberDigest).toEqual(expect.any(String));
    await rewriteAsOlderShape(id);
    const old = await storedTeam(id);
    expect(old.member).not.toHaveProperty("idNumberDigest");
    expect(old.partners).toBe(false);

    const res = await s.pi.get(`/api/applications/${id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.content).toMatchObject({
      basic: { title: "旧格式申报书", keywords: "", field: "" },
      content: { researchContent: "", objectives: "", background: "" },
      milestones: [],
      partners: [],
      budget: { theoretical: false, lines: fullContent().budget.lines },
      funding: { selfRaisedFen: 0, coFundingFen: 0 },
    });
    expect(res.body.content.team[0]).toMatchObject({
      name: "周博",
      role: "pi",
      idNumberValid: true,
      youth: true,
    });
    expect(res.body.content.team[0].idNumberMasked).toMatch(/^\d{4}\*+\d{4}$/);
    expect(JSON.stringify(res.body)).not.toContain("idNumberDigest");

    const list = await s.pi.get("/api/applications?pageSize=100");
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(id);

    const repo = applicationsRepository(s.t.database.db);
    const found = await repo.find(scope, id);
    expect(found?.content.team[0]).toMatchObject({
      name: "周博",
      idNumberDigest: null,
      idNumberCipher: expect.any(String),
      idNumberValid: true,
    });
    expect(found?.content.partners).toEqual([]);
    expect(found?.content.funding).toEqual({ selfRaisedFen: 0, coFundingFen: 0 });
    expect(found?.content.content.background).toBe("");
    // The submission's own read parses the same row the same way.
    const facts = await submissionsRepository(s.t.database.db, s.t.cipher).readFacts(scope, id);
    expect(facts?.application.content.team[0]?.idNumberDigest).toBeNull();
  });

  it("submits a draft whose member predates digests, looking the PI up by the decrypted number", async () => {
    const id = await startApplication(s.pi, s.callId, "旧格式待提交");
    await prepareForSubmission(s.pi, s.unit, id);
    await s.t.database.db.execute(sql`update applications set content = jsonb_set(content, '{team,0}',
      (content->'team'->0) - 'idNumberDigest') where id = ${id}`);
    const res = await s.pi.post(`/api/applications/${id}/submit`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "submitted", revision: 1 });
    const history = await s.pi.get(`/api/applications/${id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.revisions).toHaveLength(1);
  });
});

describe("values the code does not know", () => {
  it("makes the repository throw on a status that is no known state, instead of passing it on", async () => {
    const id = await startApplication(s.pi, s.callId, "未知状态");
    await prepareForSubmission(s.pi, s.unit, id);
    expect((await s.pi.post(`/api/applications/${id}/submit`)).status).toBe(200);
    await s.t.database.db.execute(sql`update applications set status = 'withdrawn' where id = ${id}`);
    try {
      const repo = applicationsRepository(s.t.database.db);
      await expect(repo.find(scope, id)).rejects.toThrow();
      await expect(repo.lock(scope, id)).rejects.toThrow();
      await expect(repo.list(scope, {}, 1, 100)).rejects.toThrow();
      await expect(repo.listWithContent(scope, {}, 100)).rejects.toThrow();
      await expect(submissionsRepository(s.t.database.db, s.t.cipher).readFacts(scope, id)).rejects.toThrow();
      const city: Scope = { kind: "city", cityId: "luoyang" };
      await expect(repo.list(city, {}, 1, 100)).rejects.toThrow();
      // Through the API the read fails as a server error; it never shows the row as if it were fine.
      const one = await s.pi.get(`/api/applications/${id}`);
      expect(one.status).toBe(500);
      expect(one.body.code).toBe("INTERNAL");
      expect(JSON.stringify(one.body)).not.toContain("withdrawn");
      const list = await (await s.t.as("ly-officer")).get("/api/applications?pageSize=100");
      expect(list.status).toBe(500);
    } finally {
      await s.t.database.db.execute(sql`update applications set status = 'submitted' where id = ${id}`);
    }
    expect((await s.pi.get(`/api/applications/${id}`)).status).toBe(200);
  });

  it("makes the repository throw on a stored member with a field no version ever had", async () => {
    const id = await startApplication(s.pi, s.callId, "未知字段");
    expect((await s.pi.put(`/api/applications/${id}/content`, fullContent("未知字段"))).status).toBe(200);
    await s.t.database.db.execute(sql`update applications set content = jsonb_set(content, '{team,0,idNumber}',
      '"410305198603120011"') where id = ${id}`);
    try {
      await expect(applicationsRepository(s.t.database.db).find(scope, id)).rejects.toThrow();
      expect((await s.pi.get(`/api/applications/${id}`)).status).toBe(500);
    } finally {
      await s.t.database.db.execute(sql`update applications set content = jsonb_set(content, '{team,0}',
        (content->'team'->0) - 'idNumber') where id = ${id}`);
    }
    expect((await s.pi.get(`/api/applications/${id}`)).status).toBe(200);
  });
});

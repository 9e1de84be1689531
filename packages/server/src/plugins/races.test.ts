import { makeResidentId, makeUscc } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareForSubmission, startApplication } from "../test/application-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../test/test-app.ts";

// Two people pressing the same button at once get one success and one clear refusal, never two
// successes or a 500: quotas are counted under a lock, uniqueness is the database's constraint.
// On PostgreSQL (CI's test:db) these requests really run at once; on the embedded database they
// queue on its single connection, and the answers must be the same.

let t: TestApp;
let sys: Client;
beforeAll(async () => {
  t = await createTestApp();
  sys = await t.as("sysadmin");
});
afterAll(() => t.close());

const statuses = (answers: { status: number }[]) => answers.map((a) => a.status).sort();

describe("concurrent requests", () => {
  it("recommend no more applications than the guide's district quota", async () => {
    const officer = await t.as("ly-officer");
    const leader = await t.as("ly-leader");
    const pi = await t.as("ly-pi");
    const unit = await t.as("ly-unit");
    const district = await t.as("ly-district");
    const template = (await officer.get("/api/guides")).body.items[0].content;
    const created = await officer.post("/api/guides", {
      ...template,
      titleZh: "限额两项的指南",
      districtQuota: 2,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const guideId = created.body.id;
    expect((await officer.post(`/api/guides/${guideId}/events/submitForReview`)).status).toBe(200);
    expect((await (await t.as("ly-finance")).post(`/api/guides/${guideId}/events/coIssue`)).status).toBe(200);
    expect((await leader.post(`/api/guides/${guideId}/events/publish`)).status).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await startApplication(pi, created.body.calls[0].id, `限额测试申报书 ${i}`);
      await prepareForSubmission(pi, unit, id);
      expect((await pi.post(`/api/applications/${id}/submit`)).status).toBe(200);
      ids.push(id);
    }
    const answers = await Promise.all(
      ids.map((id, i) =>
        district.post(`/api/applications/${id}/district-review`, { event: "recommend", rank: i + 1 }),
      ),
    );
    expect(statuses(answers)).toEqual([200, 200, 422, 422, 422, 422]);
    expect(answers.filter((a) => a.status === 422).every((a) => a.body.code === "DISTRICT_QUOTA_FULL")).toBe(
      true,
    );
    // the quota is the guide's own setting: no document sets one, so no clause is cited
    expect(answers.find((a) => a.status === 422)?.body).toMatchObject({ setting: "guide" });
    expect(answers.some((a) => a.body.clause)).toBe(false);
    const listed = await district.get(`/api/applications?guideId=${guideId}&status=recommended`);
    expect(listed.body.total).toBe(2);
  });

  it("number applications per city, year and program in sequence, even when started at once", async () => {
    const pi = await t.as("ly-pi");
    const guides = (await pi.get("/api/guides")).body.items;
    const soft = guides.find((g: { program: string }) => g.program === "softScience");
    const callId = soft.calls[0].id;
    const before = (await pi.get("/api/applications?pageSize=100")).body.items.filter(
      (a: { number: string }) => a.number.startsWith("LY-2026-RK-"),
    ).length;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => pi.post("/api/applications", { callId, title: `编号测试 ${i}` })),
    );
    expect(statuses(answers)).toEqual(Array(6).fill(201));
    const numbers = answers.map((a) => a.body.number as string).sort();
    expect(numbers).toEqual(
      Array.from({ length: 6 }, (_, i) => `LY-2026-RK-${String(before + i + 1).padStart(4, "0")}`),
    );
  });

  it("open one account per username and per resident ID number", async () => {
    const sameName = await Promise.all(
      Array.from({ length: 5 }, () =>
        sys.post("/api/users", { username: "race-user", displayName: "并发", password: "Race-Cond-2026" }),
      ),
    );
    expect(statuses(sameName)).toEqual([201, 409, 409, 409, 409]);
    expect(sameName.filter((a) => a.status === 409).every((a) => a.body.code === "CONFLICT")).toBe(true);

    const idNumber = makeResidentId("41030519900101001");
    const samePerson = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        sys.post("/api/users", {
          username: `race-person-${i}`,
          displayName: "并发",
          password: "Race-Cond-2026",
          cityCode: "luoyang",
          idNumber,
        }),
      ),
    );
    expect(statuses(samePerson)).toEqual([201, 409, 409, 409, 409]);
  });

  it("register one unit per unified social credit code", async () => {
    const uscc = makeUscc("91410305MA3XRC001");
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        sys.post("/api/units", {
          cityCode: "luoyang",
          uscc,
          nameZh: `并发登记单位${i}`,
          kind: "enterprise",
          districtCode: "410305",
          legalRepresentative: "赵并发",
        }),
      ),
    );
    expect(statuses(answers)).toEqual([201, 409, 409, 409, 409]);
  });

  it("grant roles at once without a 500 or a doubled role", async () => {
    const sec = await t.as("secadmin");
    const user = await sys.post("/api/users", {
      username: "race-grant",
      displayName: "并发授权",
      password: "Race-Cond-2026",
      cityCode: "luoyang",
    });
    expect(user.status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        sec.put(`/api/users/${user.body.id}/roles`, { roles: ["bureauLeader"] }),
      ),
    );
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const after = await sys.get(`/api/users/${user.body.id}`);
    expect(after.body.roles).toEqual(["bureauLeader"]);
  });
});

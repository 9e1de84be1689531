import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareForSubmission, startApplication } from "../../test/application-fixtures.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const titles = async (username: string) =>
  ((await (await t.as(username)).get("/api/notifications")).body as { titleZh: string }[]).map(
    (n) => n.titleZh,
  );

describe("notifications", () => {
  it("tell the PI and the unit administrator of a return on a draft the PI started, once each", async () => {
    const pi = await t.as("ly-pi");
    const unit = await t.as("ly-unit");
    const id = await startApplication(pi, (await pi.get("/api/guides")).body.items[0].calls[0].id);
    await prepareForSubmission(pi, unit, id);
    expect((await pi.post(`/api/applications/${id}/submit`)).status).toBe(200);
    const ret = await (await t.as("ly-district")).post(`/api/applications/${id}/district-review`, {
      event: "districtReturn",
      reason: "预算说明不足",
      deadline: new Date(t.clock.now().getTime() + 7 * 86400_000).toISOString(),
    });
    expect(ret.status).toBe(200);
    const returned = (all: string[]) => all.filter((x) => x.includes("退回"));
    expect(returned(await titles("ly-pi"))).toHaveLength(1);
    expect(returned(await titles("ly-unit"))).toHaveLength(1);
    // another unit's administrator hears nothing of it
    expect(returned(await titles("ly-unit2"))).toHaveLength(0);
  });

  it("are marked read by their own user only; another user's id is unknown", async () => {
    const pi = await t.as("ly-pi");
    const [mine] = (await pi.get("/api/notifications")).body;
    for (const other of ["ly-unit", "dt-pi"]) {
      const res = await (await t.as(other)).post(`/api/notifications/${mine.id}/read`);
      expect(res.status).toBe(404);
    }
    expect((await pi.get("/api/notifications")).body[0].read).toBe(false);
    expect((await pi.post(`/api/notifications/${mine.id}/read`)).status).toBe(200);
    expect((await pi.post(`/api/notifications/${mine.id}/read`)).status).toBe(200);
    expect((await pi.get("/api/notifications")).body[0].read).toBe(true);
  });
});

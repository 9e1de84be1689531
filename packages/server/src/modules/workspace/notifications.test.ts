import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { notificationsRepository } from "./notifications.repository.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("notifications", () => {
  it("are marked read by their own user only; another user's id is unknown", async () => {
    const pi = await t.as("ly-pi");
    await notificationsRepository(t.database.db).notify("luoyang", [pi.me.id as string], {
      titleZh: "申报书被退回",
      titleEn: "Application returned",
      link: "/applications",
      createdAt: t.clock.now(),
    });
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

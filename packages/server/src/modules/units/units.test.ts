import { makeUscc } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const newUnit = (over: Record<string, unknown> = {}) => ({
  uscc: makeUscc("91410305MA9TE0001"),
  nameZh: "洛阳测试精密机械有限公司",
  kind: "enterprise",
  districtCode: "410305",
  legalRepresentative: "测试人",
  ...over,
});

describe("units", () => {
  it("registers a unit in the officer's own city and audits it", async () => {
    const officer = await t.as("ly-officer");
    const res = await officer.post("/api/units", newUnit());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ cityCode: "luoyang", districtCode: "410305", districtNameZh: "涧西区" });
    const audit = await (await t.as("auditor")).get("/api/audit?pageSize=3");
    expect(audit.body.items.find((r: { action: string }) => r.action === "unit.create")).toMatchObject({
      entityId: res.body.id,
      actorUsername: "ly-officer",
      actorRole: "programOfficer",
      cityId: "luoyang",
    });
  });

  it("refuses a code whose check character is wrong, naming the field in Chinese", async () => {
    const officer = await t.as("ly-officer");
    const good = makeUscc("91410305MA9TE0002");
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const res = await officer.post("/api/units", newUnit({ uscc: bad }));
    expect(res.status).toBe(422);
    expect(res.body.path).toBe("uscc");
    expect(res.body.messageZh).toMatch(/校验/);
  });

  it("refuses a duplicate code and a district of another city", async () => {
    const officer = await t.as("ly-officer");
    const dup = await officer.post("/api/units", newUnit());
    expect(dup.status).toBe(409);
    const wrongDistrict = await officer.post(
      "/api/units",
      newUnit({ uscc: makeUscc("91410305MA9TE0003"), districtCode: "140213" }),
    );
    expect(wrongDistrict.status).toBe(400);
    expect(wrongDistrict.body.path).toBe("districtCode");
  });

  it("lets the district officer see its district only and filters by keyword and kind", async () => {
    const district = await t.as("ly-district");
    const res = await district.get("/api/units?pageSize=50");
    expect(res.body.items.every((u: { districtCode: string }) => u.districtCode === "410305")).toBe(true);
    const officer = await t.as("ly-officer");
    const hospitals = await officer.get("/api/units?kind=hospital");
    expect(hospitals.body.items.map((u: { kind: string }) => u.kind)).toEqual(["hospital"]);
    const kw = await officer.get(`/api/units?keyword=${encodeURIComponent("轴承")}`);
    expect(kw.body.total).toBe(1);
    const page = await officer.get("/api/units?page=2&pageSize=3");
    // six demo units, the laboratory, and the one this file registered
    expect(page.body).toMatchObject({ page: 2, pageSize: 3, total: 8 });
    expect(page.body.items).toHaveLength(3);
  });

  it("lets a unit administrator edit its own unit but not another", async () => {
    const admin = await t.as("ly-unit");
    const own = (admin.me.unit as { id: string }).id;
    expect((await admin.patch(`/api/units/${own}`, { legalRepresentative: "王建设" })).status).toBe(200);
    const others = await (await t.as("ly-officer")).get("/api/units?pageSize=50");
    const other = others.body.items.find((u: { id: string }) => u.id !== own).id;
    expect((await admin.patch(`/api/units/${other}`, { legalRepresentative: "王建设" })).status).toBe(404);
  });

  it("leaves a unit's credit code and district to the administrator who registers units", async () => {
    const admin = await t.as("ly-unit");
    const own = (admin.me.unit as { id: string }).id;
    const before = (await admin.get(`/api/units/${own}`)).body;
    const districts = (await admin.get("/api/districts?city=luoyang")).body as { code: string }[];
    const elsewhere = districts.find((d) => d.code !== before.districtCode)?.code;
    const moved = await admin.patch(`/api/units/${own}`, { districtCode: elsewhere });
    expect(moved.status).toBe(403);
    expect(moved.body.path).toBe("districtCode");
    const recoded = await admin.patch(`/api/units/${own}`, { uscc: makeUscc("91410305MA9TE0099") });
    expect(recoded.status).toBe(403);
    expect(recoded.body.path).toBe("uscc");
    // Sending the same values back (a whole form) is no change.
    const same = await admin.patch(`/api/units/${own}`, {
      uscc: before.uscc,
      districtCode: before.districtCode,
    });
    expect(same.status).toBe(200);
    const officer = await t.as("ly-officer");
    expect((await officer.patch(`/api/units/${own}`, { districtCode: elsewhere })).status).toBe(200);
  });

  it("lets the system administrator register a unit in a city it names", async () => {
    const sys = await t.as("sysadmin");
    const noCity = await sys.post(
      "/api/units",
      newUnit({ uscc: makeUscc("91140213MA9TE0004"), districtCode: "140213" }),
    );
    expect(noCity.status).toBe(400);
    const res = await sys.post(
      "/api/units",
      newUnit({ uscc: makeUscc("91140213MA9TE0004"), districtCode: "140213", cityCode: "datong" }),
    );
    expect(res.status).toBe(201);
    expect(res.body.cityCode).toBe("datong");
  });
});

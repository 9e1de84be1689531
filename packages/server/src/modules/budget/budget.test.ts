import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const wan = (n: number) => n * 10_000 * 100;

describe("POST /api/budget/check", () => {
  it("caps Luoyang's indirect cost by the LY-FUNDS §16 tiers on direct cost less equipment purchase", async () => {
    const res = await t.anonymous.post("/api/budget/check", {
      city: "luoyang",
      lines: [
        { category: "equipment", amountFen: wan(100) },
        { category: "materials", amountFen: wan(1100) },
        { category: "indirect", amountFen: wan(300) },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      directCostFen: wan(1200),
      indirectCostCapFen: wan(295),
      totalFen: wan(1500),
    });
    const v = res.body.violations.find((x: { code: string }) => x.code === "BUDGET_INDIRECT_OVER_CAP");
    expect(v.clause).toBe("LY-FUNDS §16");
    expect(v.messageZh).toMatch(/间接费用/);
  });

  it("applies no invented indirect-cost rule in Datong", async () => {
    const res = await t.anonymous.post("/api/budget/check", {
      city: "datong",
      lines: [
        { category: "materials", amountFen: wan(10) },
        { category: "indirect", amountFen: wan(9) },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.indirectCostCapFen).toBeNull();
    expect(res.body.violations).toEqual([]);
  });

  it("checks the soft-science lump sum of ¥30,000, stated in principle: a warning, not a violation", async () => {
    const res = await t.anonymous.post("/api/budget/check", {
      city: "luoyang",
      program: "softScience",
      lines: [{ category: "publicationIp", amountFen: 3_000_001 }],
    });
    expect(res.body.violations).toEqual([]);
    expect(res.body.warnings.map((v: { code: string }) => v.code)).toEqual(["BUDGET_LUMP_SUM_OVER_CAP"]);
  });

  it("refuses a program the city does not have, listing the city's programs, instead of checking without caps", async () => {
    const lines = [{ category: "publicationIp", amountFen: wan(500) }];
    const res = await t.anonymous.post("/api/budget/check", {
      city: "luoyang",
      program: "noSuchProgram",
      lines,
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "BUDGET_UNKNOWN_PROGRAM", path: "program" });
    const codes = res.body.details.programs.map((p: { code: string }) => p.code);
    expect(codes).toContain("softScience");
    for (const code of codes) {
      expect(res.body.messageZh).toContain(code);
      expect(res.body.messageEn).toContain(code);
    }
    // Datong has no public-welfare program: its list is its own.
    const datong = await t.anonymous.post("/api/budget/check", {
      city: "datong",
      program: "publicWelfare",
      lines,
    });
    expect(datong.status).toBe(422);
    expect(datong.body.details.programs.map((p: { code: string }) => p.code)).toContain("keyRnd");

    const nul = await t.anonymous.post("/api/budget/check", { city: "luoyang", program: "\u0000", lines });
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({ code: "VALIDATION", path: "program" });
  });

  it("rate-limits by client address", async () => {
    const limited = await (async () => {
      for (let i = 0; i < 300; i++) {
        const res = await t.anonymous.post("/api/budget/check", { city: "datong", lines: [] });
        if (res.status === 429) return res;
      }
      return null;
    })();
    expect(limited?.body.code).toBe("RATE_LIMITED");
    t.clock.advance(60_000);
    expect((await t.anonymous.post("/api/budget/check", { city: "datong", lines: [] })).status).toBe(200);
  });
});

describe("POST /api/budget/post-subsidy", () => {
  it("pays 50 % of verified R&D for an excellent public-welfare project, at most ¥100,000", async () => {
    const small = await t.anonymous.post("/api/budget/post-subsidy", {
      city: "luoyang",
      program: "publicWelfare",
      grade: "excellent",
      verifiedRdFen: wan(15),
    });
    expect(small.body).toMatchObject({ amountFen: wan(7.5), clause: "LY-REFORM §三(四)2" });
    const big = await t.anonymous.post("/api/budget/post-subsidy", {
      city: "luoyang",
      program: "publicWelfare",
      grade: "excellent",
      verifiedRdFen: wan(80),
    });
    expect(big.body.amountFen).toBe(wan(10));
  });

  it("says so when the city has no post-subsidy program", async () => {
    const res = await t.anonymous.post("/api/budget/post-subsidy", {
      city: "datong",
      program: "keyRnd",
      grade: "excellent",
      verifiedRdFen: wan(10),
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("POST_SUBSIDY_NOT_APPLICABLE");
  });
});

describe("policies", () => {
  it("lists both cities' versions and serves each rule with its citation", async () => {
    const list = await t.anonymous.get("/api/policies");
    expect(list.body.map((p: { id: string }) => p.id).sort()).toEqual(["datong-2025", "luoyang-2025"]);
    const ly = await t.anonymous.get("/api/policies/luoyang/2025");
    expect(ly.status).toBe(200);
    expect(JSON.stringify(ly.body)).toContain("LY-REFORM");
    expect((await t.anonymous.get("/api/policies/luoyang/1999")).status).toBe(404);
  });
});

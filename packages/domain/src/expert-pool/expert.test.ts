import { describe, expect, it } from "vitest";
import { disciplineOf, disciplines, disciplineWithin, firstLevelOf } from "./disciplines.ts";
import { isAssignable, normaliseKeywords } from "./expert.ts";

describe("disciplines (GB/T 13745)", () => {
  it("lists the 62 first levels, and every second level under a listed first level", () => {
    const firsts = disciplines.filter((d) => d.code.length === 3);
    expect(firsts).toHaveLength(62);
    const codes = new Set(firsts.map((d) => d.code));
    for (const d of disciplines.filter((x) => x.code.length === 5))
      expect(codes.has(firstLevelOf(d.code))).toBe(true);
    expect(new Set(disciplines.map((d) => d.code)).size).toBe(disciplines.length);
    expect(disciplineOf("52020")?.nameZh).toBe("人工智能");
    expect(disciplineWithin("52020", "520")).toBe(true);
    expect(disciplineWithin("52020", "530")).toBe(false);
  });
});

describe("isAssignable", () => {
  const at = new Date("2026-03-10T02:00:00Z");
  it("never picks a suspended expert, whatever their availability", () => {
    expect(isAssignable({ status: "suspended", availability: [] }, at)).toBe(false);
    const open = [{ from: "2026-01-01", until: "2026-12-31" }];
    expect(isAssignable({ status: "suspended", availability: open }, at)).toBe(false);
    expect(isAssignable({ status: "active", availability: open }, at)).toBe(true);
  });
  it("holds declared windows, both days included, by the day in China", () => {
    const w = [{ from: "2026-03-11", until: "2026-03-20" }];
    expect(isAssignable({ status: "active", availability: [] }, at)).toBe(true);
    expect(isAssignable({ status: "active", availability: w }, at)).toBe(false);
    // 16:30 UTC on the 10th is already the 11th in China
    expect(isAssignable({ status: "active", availability: w }, new Date("2026-03-10T16:30:00Z"))).toBe(true);
    expect(isAssignable({ status: "active", availability: w }, "2026-03-20")).toBe(true);
    expect(isAssignable({ status: "active", availability: w }, "2026-03-21")).toBe(false);
  });
  it("keeps keywords once, trimmed, in order", () => {
    expect(normaliseKeywords([" 轴承 ", "", "寿命预测", "轴承"])).toEqual(["轴承", "寿命预测"]);
  });
});

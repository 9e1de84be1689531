import { describe, expect, it } from "vitest";
import { bestFill, type SlotCandidate, type SlotHolder, slotViolations } from "./slot.ts";

const candidate = (over: Partial<SlotCandidate> = {}): SlotCandidate => ({
  expertId: "E1",
  unitId: "unit-1",
  assignable: true,
  load: 0,
  conflicts: [],
  ...over,
});

const holders: SlotHolder[] = [
  { expertId: "H1", unitId: "unit-h1" },
  { expertId: "H2", unitId: "unit-h2" },
];

const codes = (c: SlotCandidate, h: readonly SlotHolder[] = holders, maxLoad = 3) =>
  slotViolations(c, h, maxLoad).map((v) => v.code);

describe("slotViolations", () => {
  it("finds nothing for a free, unconflicted expert of another unit below the maximum load", () => {
    expect(slotViolations(candidate({ load: 2 }), holders, 3)).toEqual([]);
  });

  it("refuses a suspended expert", () => {
    expect(codes(candidate({ assignable: false }))).toEqual(["REVIEW_EXPERT_UNAVAILABLE"]);
  });

  it("refuses a conflicted expert once per reason, naming the reason", () => {
    const v = slotViolations(
      candidate({ conflicts: [{ reason: "applicantUnit" }, { reason: "declaredByExpert" }] }),
      holders,
      3,
    );
    expect(v.map((x) => x.code)).toEqual(["REVIEW_CONFLICT", "REVIEW_CONFLICT"]);
    expect(v[0]?.messageEn).toContain("The expert's unit is the applicant");
    expect(v[1]?.messageZh).toContain("专家申报回避");
  });

  it("carries the conflict's city setting or clause into the violation", () => {
    const [setting] = slotViolations(
      candidate({ conflicts: [{ reason: "formerUnit", setting: "city" }] }),
      [],
      3,
    );
    expect(setting).toMatchObject({ code: "REVIEW_CONFLICT", setting: "city" });
    expect(setting?.clause).toBeUndefined();
    const [clause] = slotViolations(
      candidate({ conflicts: [{ reason: "teamMember", clause: "LY-X §1" }] }),
      [],
      3,
    );
    expect(clause).toMatchObject({ clause: "LY-X §1" });
    expect(clause?.setting).toBeUndefined();
  });

  it("refuses an expert who already holds a place on the application", () => {
    expect(codes(candidate({ expertId: "H1", unitId: "unit-h1" }))).toEqual(["REVIEW_SLOT_INVALID"]);
    expect(slotViolations(candidate({ expertId: "H1" }), holders, 3)[0]?.messageEn).toContain(
      "already reviews",
    );
  });

  it("refuses a second expert of a unit that already has one on the application", () => {
    const v = slotViolations(candidate({ unitId: "unit-h2" }), holders, 3);
    expect(v.map((x) => x.code)).toEqual(["REVIEW_SLOT_INVALID"]);
    expect(v[0]?.messageEn).toContain("At most one expert of a unit");
  });

  it("refuses an expert at the maximum load, and not one below it", () => {
    expect(codes(candidate({ load: 3 }))).toEqual(["REVIEW_SLOT_INVALID"]);
    expect(codes(candidate({ load: 4 }))).toEqual(["REVIEW_SLOT_INVALID"]);
    expect(codes(candidate({ load: 2 }))).toEqual([]);
  });

  it("lists every broken constraint at once", () => {
    const c = candidate({
      assignable: false,
      unitId: "unit-h1",
      load: 5,
      conflicts: [{ reason: "partnerUnit" }],
    });
    expect(codes(c)).toEqual([
      "REVIEW_EXPERT_UNAVAILABLE",
      "REVIEW_CONFLICT",
      "REVIEW_SLOT_INVALID",
      "REVIEW_SLOT_INVALID",
    ]);
  });
});

describe("bestFill", () => {
  type Scored = SlotCandidate & { affinity: number };
  const scored = (expertId: string, affinity: number, over: Partial<SlotCandidate> = {}): Scored => ({
    ...candidate({ expertId, unitId: `unit-${expertId}` }),
    affinity,
    ...over,
  });
  const fill = (cs: readonly Scored[], h: readonly SlotHolder[] = holders, maxLoad = 3) =>
    bestFill(cs, h, maxLoad, (c) => c.affinity)?.expertId ?? null;

  it("takes the free candidate of highest affinity", () => {
    expect(fill([scored("E1", 0.4), scored("E2", 0.9), scored("E3", 0.6)])).toBe("E2");
  });

  it("skips candidates that break a constraint, however well they fit", () => {
    const cs = [
      scored("E1", 1, { conflicts: [{ reason: "teamMember" }] }),
      scored("E2", 0.99, { assignable: false }),
      scored("H1", 0.98, { unitId: "unit-h1" }),
      scored("E4", 0.97, { unitId: "unit-h2" }),
      scored("E5", 0.96, { load: 3 }),
      scored("E6", 0.1),
    ];
    expect(fill(cs)).toBe("E6");
  });

  it("breaks ties in affinity by fewest places held, then by id", () => {
    expect(fill([scored("E1", 0.5, { load: 2 }), scored("E2", 0.5, { load: 1 })])).toBe("E2");
    expect(fill([scored("E3", 0.5, { load: 1 }), scored("E2", 0.5, { load: 1 })])).toBe("E2");
    expect(fill([scored("E2", 0.5, { load: 1 }), scored("E3", 0.5, { load: 1 })])).toBe("E2");
  });

  it("returns null when no candidate may take the place", () => {
    expect(fill([])).toBeNull();
    expect(fill([scored("E1", 1, { load: 3 }), scored("E2", 1, { assignable: false })])).toBeNull();
  });

  it("fills a place on an application with no holders yet", () => {
    expect(fill([scored("E1", 0.2), scored("E2", 0.3)], [])).toBe("E2");
  });
});

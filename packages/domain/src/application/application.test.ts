import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Policy } from "../policy/policy.schema.ts";
import {
  type ApplicationContent,
  applicationContentSchema,
  applicationInputSchema,
  applicationNumber,
  memberFacts,
  numberYearAt,
  requestedFen,
  storedMemberSchema,
  youthAgeLimit,
} from "./application.ts";

describe("applicationContentSchema", () => {
  it("turns {} into a complete empty draft", () => {
    expect(applicationContentSchema.parse({})).toEqual({
      basic: { title: "", abstract: "", keywords: "", field: "", startDate: "", endDate: "" },
      content: {
        background: "",
        objectives: "",
        researchContent: "",
        technicalRoute: "",
        innovation: "",
        basis: "",
      },
      targets: [],
      milestones: [],
      team: [],
      partners: [],
      budget: { theoretical: false, lines: [] },
      funding: { selfRaisedFen: 0, coFundingFen: 0 },
    });
  });

  it("fills the defaults inside partly given sections", () => {
    const c = applicationContentSchema.parse({
      basic: { title: "题目" },
      funding: { coFundingFen: 100 },
      budget: { lines: [{ category: "materials", amountFen: 5 }] },
      milestones: [{ description: "中期" }],
      targets: [{ kind: "patent", value: 2 }],
    });
    expect(c.basic).toEqual({
      title: "题目",
      abstract: "",
      keywords: "",
      field: "",
      startDate: "",
      endDate: "",
    });
    expect(c.funding).toEqual({ selfRaisedFen: 0, coFundingFen: 100 });
    expect(c.budget).toEqual({ theoretical: false, lines: [{ category: "materials", amountFen: 5 }] });
    expect(c.milestones).toEqual([{ dueDate: "", description: "中期", deliverable: "" }]);
    expect(c.targets).toEqual([{ kind: "patent", description: "", value: 2, unit: "" }]);
  });

  it("stores a member without any ID number by default", () => {
    expect(storedMemberSchema.parse({ name: "张三" })).toEqual({
      name: "张三",
      role: "member",
      title: "",
      unitName: "",
      workMonths: 0,
      idNumberCipher: null,
      idNumberDigest: null,
      idNumberMasked: null,
      idNumberValid: false,
      birthDate: null,
    });
  });

  it.each([
    ["an unknown section", { extra: {} }],
    ["an unknown field", { basic: { title: "x", colour: "red" } }],
    ["a date that is no day", { basic: { startDate: "2026-13-01" } }],
    ["money with decimals", { funding: { coFundingFen: 0.5 } }],
    ["negative money", { budget: { lines: [{ category: "materials", amountFen: -1 }] } }],
    ["an unknown target kind", { targets: [{ kind: "award", value: 1 }] }],
    ["a clear ID number in stored content", { team: [{ name: "张三", idNumber: "110101199001011234" }] }],
  ])("refuses %s", (_name, input) => {
    expect(applicationContentSchema.safeParse(input).success).toBe(false);
  });

  it("accepts a typed ID number only in the input schema", () => {
    const input = applicationInputSchema.parse({
      team: [{ name: "张三", idNumber: " 110101199001011234 " }],
    });
    // The mask stays so that an unchanged member can be sent back without its number.
    expect(input.team[0]).toEqual({
      name: "张三",
      role: "member",
      title: "",
      unitName: "",
      workMonths: 0,
      idNumberMasked: null,
      idNumber: "110101199001011234",
    });
  });
});

describe("memberFacts", () => {
  // The call date is a day in China: 2026-03-01 starts at 2026-02-28T16:00Z.
  const callDay = new Date("2026-03-01T00:00:00+08:00");

  it("says nothing for a member without a birth date", () => {
    expect(memberFacts(null, callDay)).toEqual({ age: null, youth: false });
  });

  it("someone born exactly 40 years before the call is not youth", () => {
    expect(youthAgeLimit).toBe(40);
    expect(memberFacts("1986-03-01", callDay)).toEqual({ age: 40, youth: false });
  });

  it("someone who turns 40 the next day is still youth", () => {
    expect(memberFacts("1986-03-02", callDay)).toEqual({ age: 39, youth: true });
  });

  it("reads the call date in China time, not UTC", () => {
    // 2026-02-28T15:59Z is 23:59 on 28 February in Beijing: the 40th birthday has not come yet.
    expect(memberFacts("1986-03-01", new Date("2026-02-28T15:59:59Z"))).toEqual({ age: 39, youth: true });
    expect(memberFacts("1986-03-01", new Date("2026-02-28T16:00:00Z"))).toEqual({ age: 40, youth: false });
  });

  it("someone born on 29 February turns 40 on 1 March of a common year", () => {
    expect(memberFacts("1987-02-28", new Date("2027-02-28T12:00:00+08:00")).youth).toBe(false);
    expect(memberFacts("1988-02-29", new Date("2028-02-28T12:00:00+08:00"))).toEqual({
      age: 39,
      youth: true,
    });
    expect(memberFacts("1988-02-29", new Date("2028-02-29T12:00:00+08:00"))).toEqual({
      age: 40,
      youth: false,
    });
  });

  it("youth is exactly age < 40 for any birth date before the call", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1930-01-01T00:00:00Z"),
          max: new Date("2026-02-28T00:00:00Z"),
          noInvalidDate: true,
        }),
        (birth) => {
          const birthDate = birth.toISOString().slice(0, 10);
          const facts = memberFacts(birthDate, callDay);
          expect(facts.age).not.toBeNull();
          expect(facts.youth).toBe((facts.age ?? 0) < 40);
        },
      ),
    );
  });
});

describe("requestedFen", () => {
  const content = (amounts: number[]): ApplicationContent =>
    applicationContentSchema.parse({
      budget: { lines: amounts.map((amountFen) => ({ category: "materials", amountFen })) },
      funding: { selfRaisedFen: 1_000_000, coFundingFen: 2_000_000 },
    });

  it("is zero for an empty budget", () => {
    expect(requestedFen(content([]))).toBe(0);
  });

  it("sums the lines, indirect included, without self-raised or co-funding money", () => {
    const c = applicationContentSchema.parse({
      budget: {
        lines: [
          { category: "equipment", amountFen: 1_000_000, purchaseFen: 400_000 },
          { category: "materials", amountFen: 250_050 },
          { category: "indirect", amountFen: 99 },
        ],
      },
      funding: { selfRaisedFen: 7, coFundingFen: 9 },
    });
    expect(requestedFen(c)).toBe(1_250_149);
  });

  it("equals the sum of the line amounts for any lines", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { maxLength: 20 }), (amounts) => {
        expect(requestedFen(content(amounts))).toBe(amounts.reduce((s, a) => s + a, 0));
      }),
    );
  });
});

describe("applicationNumber", () => {
  const policy = {
    numberPrefix: "LY",
    programs: [{ numberCode: "RK", code: "softScience" }],
  } as unknown as Pick<Policy, "numberPrefix" | "programs">;

  it("reads city prefix, year, program code and a four-digit sequence", () => {
    const n = applicationNumber({ numberProgram: "softScience", numberYear: 2026, numberSeq: 1 }, policy);
    expect(n).toBe("LY-2026-RK-0001");
  });

  it("keeps numbers past 9999 whole and distinct", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (a, b) => {
          const na = applicationNumber(
            { numberProgram: "softScience", numberYear: 2026, numberSeq: a },
            policy,
          );
          const nb = applicationNumber(
            { numberProgram: "softScience", numberYear: 2026, numberSeq: b },
            policy,
          );
          return (a === b) === (na === nb);
        },
      ),
    );
  });

  it("counts years on the bureau's clock: 31 December 16:00 UTC is already next year in Shanghai", () => {
    expect(numberYearAt(new Date("2026-12-31T15:59:59Z"))).toBe(2026);
    expect(numberYearAt(new Date("2026-12-31T16:00:00Z"))).toBe(2027);
  });
});

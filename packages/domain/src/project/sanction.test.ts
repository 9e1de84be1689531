import { describe, expect, it } from "vitest";
import { suspensionAt } from "../ledger/ledger.ts";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { DomainError } from "../shared/errors.ts";
import { checkSanction, suspensionsOf } from "./sanction.ts";

const [datong, luoyang] = shippedPolicies();
const code = (f: () => unknown) => {
  try {
    f();
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? `${e.code}${e.path ? `:${e.path}` : ""}` : "other";
  }
};

describe("sanctions (LY-FUNDS §25)", () => {
  const base = { fromDate: "2026-07-01", untilDate: null };

  it("lets the S&T or the finance bureau of Luoyang impose the measures of §25, citing it", () => {
    expect(
      checkSanction(luoyang, ["financeOfficer"], {
        ...base,
        kind: "paymentSuspension",
        authority: "financeBureau",
      }),
    ).toEqual({ clause: "LY-FUNDS §25" });
    expect(
      code(() =>
        checkSanction(luoyang, ["programOfficer"], {
          ...base,
          kind: "termination",
          authority: "scienceBureau",
        }),
      ),
    ).toBeUndefined();
  });

  it("refuses a measure or an authority the city's policy does not name, and a caller who is not that authority", () => {
    expect(
      code(() =>
        checkSanction(datong, ["programOfficer"], {
          ...base,
          kind: "eligibilityBan",
          authority: "scienceBureau",
        }),
      ),
    ).toBe("VALIDATION:kind");
    expect(
      code(() =>
        checkSanction(datong, ["financeOfficer"], { ...base, kind: "interview", authority: "financeBureau" }),
      ),
    ).toBe("VALIDATION:authority");
    expect(
      code(() =>
        checkSanction(luoyang, ["programOfficer"], {
          ...base,
          kind: "interview",
          authority: "financeBureau",
        }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("gives one-off measures no end, and lasting ones an end no earlier than their start", () => {
    expect(
      code(() =>
        checkSanction(luoyang, ["programOfficer"], {
          kind: "reprimand",
          authority: "scienceBureau",
          fromDate: "2026-07-01",
          untilDate: "2026-08-01",
        }),
      ),
    ).toBe("VALIDATION:untilDate");
    expect(
      code(() =>
        checkSanction(luoyang, ["programOfficer"], {
          kind: "eligibilityBan",
          authority: "scienceBureau",
          fromDate: "2026-07-01",
          untilDate: "2026-06-30",
        }),
      ),
    ).toBe("INTEGRITY_PERIOD_INVALID:untilDate");
  });

  it("suspends payments from the first China-time day to the end of the last, or until lifted", () => {
    const [ends, lifted, open] = suspensionsOf([
      { kind: "paymentSuspension", fromDate: "2026-07-01", untilDate: "2026-07-31", liftedAt: null },
      {
        kind: "paymentSuspension",
        fromDate: "2026-09-01",
        untilDate: null,
        liftedAt: new Date("2026-09-10T02:00:00Z"),
      },
      { kind: "paymentSuspension", fromDate: "2026-12-01", untilDate: null, liftedAt: null },
      { kind: "interview", fromDate: "2026-07-01", untilDate: null, liftedAt: null },
    ]);
    expect(ends).toEqual({ from: "2026-06-30T16:00:00.000Z", until: "2026-07-31T16:00:00.000Z" });
    expect(lifted).toEqual({ from: "2026-08-31T16:00:00.000Z", until: "2026-09-10T02:00:00.000Z" });
    expect(open).toEqual({ from: "2026-11-30T16:00:00.000Z", until: null });
    const all = [ends, lifted, open].filter((s) => s !== undefined);
    expect(suspensionAt(all, "2026-07-31T15:59:59.999Z")).toBeDefined();
    expect(suspensionAt(all, "2026-07-31T16:00:00.000Z")).toBeUndefined();
    expect(suspensionAt(all, "2026-09-10T02:00:00.000Z")).toBeUndefined();
    expect(suspensionAt(all, "2030-01-01T00:00:00.000Z")).toBeDefined();
  });
});

describe("periods in whole days", () => {
  it("ends a period of years on the day before its anniversary", async () => {
    const { addYears } = await import("../shared/dates.ts");
    expect(addYears("2026-03-01", 2)).toBe("2028-02-29");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2026-07-15", 3)).toBe("2029-07-14");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  activeBans,
  type IntegrityKind,
  type IntegrityRecordFacts,
  integrityKinds,
} from "./integrity.rules.ts";

const ban = (over: Partial<IntegrityRecordFacts> = {}): IntegrityRecordFacts => ({
  subject: "person",
  kind: "eligibilityBan",
  from: "2025-03-01",
  until: "2026-03-01",
  clause: "LY-FUNDS §25",
  ...over,
});

describe("activeBans", () => {
  it("returns the hit with its subject, kind, end and clause", () => {
    expect(activeBans([ban()], new Date("2025-10-01T12:00:00Z"))).toEqual([
      { subject: "person", kind: "eligibilityBan", until: "2026-03-01", clause: "LY-FUNDS §25" },
    ]);
  });

  it("a ban until 2026-03-01 still applies at 23:00 Beijing time that day, not an hour later", () => {
    expect(activeBans([ban()], new Date("2026-03-01T15:00:00Z"))).toHaveLength(1);
    expect(activeBans([ban()], new Date("2026-03-01T15:59:59.999Z"))).toHaveLength(1);
    expect(activeBans([ban()], new Date("2026-03-01T16:00:00Z"))).toEqual([]);
  });

  it("a ban from 2025-03-01 applies from 00:00 Beijing time, which is the evening before in UTC", () => {
    expect(activeBans([ban()], new Date("2025-02-28T15:59:59.999Z"))).toEqual([]);
    expect(activeBans([ban()], new Date("2025-02-28T16:00:00Z"))).toHaveLength(1);
  });

  it("a one-day ban applies for that China day only", () => {
    const oneDay = ban({ from: "2026-05-01", until: "2026-05-01" });
    expect(activeBans([oneDay], new Date("2026-04-30T15:59:59Z"))).toEqual([]);
    expect(activeBans([oneDay], new Date("2026-04-30T16:00:00Z"))).toHaveLength(1);
    expect(activeBans([oneDay], new Date("2026-05-01T15:59:59Z"))).toHaveLength(1);
    expect(activeBans([oneDay], new Date("2026-05-01T16:00:00Z"))).toEqual([]);
  });

  it("a permanent blacklisting never ends, but has not begun before its start", () => {
    const permanent = ban({
      subject: "unit",
      kind: "blacklist",
      from: "2024-01-01",
      until: null,
      clause: "DT-RULES §22",
    });
    expect(activeBans([permanent], new Date("2099-12-31T00:00:00Z"))).toEqual([
      { subject: "unit", kind: "blacklist", until: null, clause: "DT-RULES §22" },
    ]);
    expect(activeBans([permanent], new Date("2023-12-31T12:00:00Z"))).toEqual([]);
  });

  it("ignores interviews, reprimands, payment suspensions and bad records", () => {
    const now = new Date("2025-10-01T00:00:00Z");
    for (const kind of ["interview", "reprimand", "paymentSuspension", "badRecord"] as const) {
      expect(activeBans([ban({ kind, until: null })], now)).toEqual([]);
    }
  });

  it("keeps the order of the records and drops the inactive ones", () => {
    const now = new Date("2025-10-01T00:00:00Z");
    const records = [
      ban({ subject: "unit", kind: "blacklist", until: null }),
      ban({ until: "2025-01-01" }),
      ban({ kind: "reprimand" }),
      ban({ subject: "person", clause: "DT-RULES §22" }),
    ];
    expect(activeBans(records, now).map((h) => [h.subject, h.kind, h.clause])).toEqual([
      ["unit", "blacklist", "LY-FUNDS §25"],
      ["person", "eligibilityBan", "DT-RULES §22"],
    ]);
  });

  it("a record is a hit exactly when it is blocking and its China day range holds today", () => {
    const day = fc
      .date({
        min: new Date("2024-01-01T00:00:00Z"),
        max: new Date("2028-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom<IntegrityKind>(...integrityKinds),
        day,
        fc.option(day),
        fc.date({
          min: new Date("2024-01-01T00:00:00Z"),
          max: new Date("2028-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (kind, from, until, now) => {
          const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
          const expected =
            (kind === "eligibilityBan" || kind === "blacklist") &&
            from <= today &&
            (until === null || today <= until);
          expect(activeBans([ban({ kind, from, until })], now).length).toBe(expected ? 1 : 0);
        },
      ),
    );
  });
});

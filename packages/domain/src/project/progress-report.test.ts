import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, roles } from "../identity/roles.ts";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { DomainError } from "../shared/errors.ts";
import { fire } from "../shared/machine.ts";
import type { BudgetLine } from "./change-request.ts";
import {
  addMonths,
  awaitsFiling,
  checkProgressReport,
  dueSoon,
  elapsedBp,
  mayFile,
  type ProgressContent,
  type ProgressReportEvent,
  type ProgressReportState,
  progressReportMachine,
  progressReportStates,
  progressSchedule,
  type ReportDue,
  type ReportTerms,
  reportStanding,
  reportsHolding,
  reportsOutstanding,
  spendingVariances,
} from "./progress-report.ts";

const [datong, luoyang] = shippedPolicies();
const [T, F] = [true, false];
const dayMs = 86_400_000;
const iso = (n: number) => new Date(n * dayMs).toISOString().slice(0, 10);
/** Any calendar day 1990–2099. */
const day = fc.integer({ min: Date.UTC(1990, 0, 1) / dayMs, max: Date.UTC(2099, 11, 31) / dayMs }).map(iso);
const isCalendarDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("addMonths", () => {
  it.each([
    // the 31st falls back to the end of a shorter month, leap years included
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2026-03-31", 1, "2026-04-30"],
    ["2026-01-31", 2, "2026-03-31"],
    // the year rolls over, forwards and backwards
    ["2026-07-01", 6, "2027-01-01"],
    ["2026-12-15", 1, "2027-01-15"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2026-01-01", 24, "2028-01-01"],
  ] as const)("moves %s by %i months to %s", (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it("leaves a day unchanged by 0 months and always lands on a real day of the right month", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -120, max: 120 }), (d, k) => {
        expect(addMonths(d, 0)).toBe(d);
        const out = addMonths(d, k);
        expect(isCalendarDay(out)).toBe(true);
        const [y, m, dd] = d.split("-").map(Number) as [number, number, number];
        const months = y * 12 + (m - 1) + k;
        const [oy, om, od] = out.split("-").map(Number) as [number, number, number];
        expect(oy * 12 + (om - 1)).toBe(months);
        expect(od).toBe(Math.min(dd, new Date(Date.UTC(oy, om, 0)).getUTCDate()));
      }),
    );
  });
});

describe("progressSchedule", () => {
  it("owes a report every 6 months of a two-year project, none on its end", () => {
    expect(progressSchedule("2026-01-01", "2027-12-31", 6)).toEqual([
      { period: 1, dueDate: "2026-07-01", opensOn: "2026-01-01" },
      { period: 2, dueDate: "2027-01-01", opensOn: "2026-07-01" },
      { period: 3, dueDate: "2027-07-01", opensOn: "2027-01-01" },
    ]);
    // a due date falling on the end itself is acceptance, not a report
    expect(progressSchedule("2026-01-01", "2027-01-01", 6).map((d) => d.dueDate)).toEqual(["2026-07-01"]);
    expect(progressSchedule("2026-01-01", "2026-07-01", 6)).toEqual([]);
    expect(progressSchedule("2026-01-01", "2026-07-02", 6)).toHaveLength(1);
  });

  it("counts each date from the start, so a month-end start does not drift", () => {
    const dues = progressSchedule("2026-01-31", "2026-06-01", 1).map((d) => d.dueDate);
    expect(dues).toEqual(["2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"]);
  });

  const days = fc.integer({ min: 0, max: 365 * 12 });
  it("is strictly increasing inside the period and has every k with addMonths(start, k·m) < end", () => {
    fc.assert(
      fc.property(day, days, fc.integer({ min: 1, max: 24 }), (s, len, m) => {
        const e = iso(Date.parse(s) / dayMs + len);
        const dues = progressSchedule(s, e, m);
        let expected = 0;
        for (let k = 1; k <= 200; k++) if (addMonths(s, k * m) < e) expected++;
        expect(dues).toHaveLength(expected);
        dues.forEach((d, i) => {
          expect(d.period).toBe(i + 1);
          expect(d.dueDate > s && d.dueDate < e).toBe(true);
          expect(d.opensOn).toBe(i === 0 ? s : dues[i - 1]?.dueDate);
          expect(d.opensOn < d.dueDate).toBe(true);
        });
      }),
    );
  });
});

describe("elapsedBp and spendingVariances", () => {
  it("measures the elapsed share in basis points, clamped to the period", () => {
    const year = ["2025-06-01", "2026-01-01", "2027-01-01", "2028-01-01"].map((d) =>
      elapsedBp("2026-01-01", "2027-01-01", d),
    );
    expect(year).toEqual([0, 0, 10_000, 10_000]);
    expect(elapsedBp("2026-01-01", "2026-01-11", "2026-01-06")).toBe(5000);
    expect(elapsedBp("2026-01-01", "2026-01-01", "2025-01-01")).toBe(10_000);
  });

  const line: BudgetLine[] = [{ category: "materials", amountFen: 1_000_000 }];
  /** Does a 1,000,000-fen line with this spending need explaining? */
  const flags = (spent: number, elapsed = 5000, bp = 3000) =>
    spendingVariances(line, new Map([["materials", spent]]), elapsed, bp).some((v) => v.needsExplanation);

  it("asks no explanation of spending exactly on pace, always of overspending", () => {
    const [v] = spendingVariances(line, new Map([["materials", 500_000]]), 5000, 3000);
    expect(v).toMatchObject({ budgetFen: 1_000_000, expectedFen: 500_000, spentFen: 500_000 });
    expect(v?.needsExplanation).toBe(F);
    expect([flags(0, 0), flags(1_000_000, 10_000)]).toEqual([F, F]);
    // overspent, even where the threshold would allow any drift
    expect([flags(1_000_001, 10_000), flags(1_000_001, 10_000, 10_000)]).toEqual([T, T]);
  });

  it("tolerates drift of exactly the threshold and not one fen more, either way", () => {
    expect([flags(800_000), flags(800_001), flags(200_000), flags(199_999)]).toEqual([F, T, F, T]);
  });

  it("reads a line with no spending as 0 and a zero-budget line with spending as overspent", () => {
    const zero: BudgetLine[] = [{ category: "testing", amountFen: 0 }];
    expect(spendingVariances(zero, new Map([["testing", 1]]), 5000, 3000)[0]?.needsExplanation).toBe(true);
    expect(spendingVariances(zero, new Map(), 5000, 3000)).toMatchObject([
      { spentFen: 0, needsExplanation: false },
    ]);
  });

  it("gives integer fen, an expected share within the budget, and flags exactly the rule's lines", () => {
    const [fen, bp] = [fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 0, max: 10_000 })];
    fc.assert(
      fc.property(fen, fen, bp, bp, (b, s, el, t) => {
        const [v] = spendingVariances([{ category: "x", amountFen: b }], new Map([["x", s]]), el, t);
        if (!v) throw new Error("one line in, one out");
        expect(Number.isInteger(v.expectedFen)).toBe(true);
        expect(v.expectedFen).toBeGreaterThanOrEqual(0);
        expect(v.expectedFen).toBeLessThanOrEqual(b);
        const off = BigInt(Math.abs(s - v.expectedFen));
        expect(v.needsExplanation).toBe(s > b || off * 10_000n > BigInt(t) * BigInt(b));
      }),
    );
  });
});

describe("checkProgressReport (Luoyang policy)", () => {
  const terms: ReportTerms = {
    startDate: "2026-01-01",
    endDate: "2027-12-31",
    milestones: [
      { dueDate: "2026-06-30", description: "完成样机设计" },
      { dueDate: "2027-06-30", description: "中试" },
    ],
    budget: ["equipment", "materials"].map((category, i) => ({ category, amountFen: (i + 1) * 1_000_000 })),
  };
  const every = luoyang.tracking.progressReports.intervalMonths.value;
  const [first] = progressSchedule(terms.startDate, terms.endDate, every);
  if (!first) throw new Error("the project owes a first report");
  // 181 of 729 days: 2483 bp, so 248,300 and 496,600 fen are on pace
  const good: ProgressContent = {
    summary: "样机设计完成。",
    milestones: [
      { index: 0, status: "done", evidence: "设计评审纪要" },
      { index: 1, status: "onTrack", evidence: "" },
    ],
    spending: [
      { category: "equipment", spentFen: 248_300, explanation: "" },
      { category: "materials", spentFen: 500_000, explanation: "" },
    ],
  };
  const refused = (content: Partial<ProgressContent>, t: ReportTerms = terms, due: ReportDue = first) =>
    errorOf(() => checkProgressReport(luoyang, t, due, { ...good, ...content }));

  it("passes a complete report and returns its variances", () => {
    expect(first.dueDate).toBe("2026-07-01");
    const variances = checkProgressReport(luoyang, terms, first, good);
    expect(
      variances.map((v) => [v.category, v.budgetFen, v.expectedFen, v.spentFen, v.needsExplanation]),
    ).toEqual([
      ["equipment", 1_000_000, 248_300, 248_300, false],
      ["materials", 2_000_000, 496_600, 500_000, false],
    ]);
    // a milestone not yet due may be left out; Datong's equal settings give the same answer
    const fewer = { ...good, milestones: good.milestones.slice(0, 1) };
    expect(checkProgressReport(datong, terms, first, fewer)).toEqual(
      checkProgressReport(luoyang, terms, first, good),
    );
  });

  it("refuses an empty summary", () => {
    const e = refused({ summary: "  \n" });
    expect([e.code, e.path]).toEqual(["VALIDATION", "summary"]);
  });

  type Status = ProgressContent["milestones"][number]["status"];
  const ms = (index: number, status: Status, evidence = "x") => ({ index, status, evidence });
  const pathOf = (...milestones: ReturnType<typeof ms>[]) => refused({ milestones }).path;

  it("refuses a due milestone reported on track, the due day included, or left out", () => {
    expect(pathOf(ms(0, "onTrack"))).toBe("milestones.0.status");
    const onTheDay = { ...terms, milestones: [{ dueDate: first.dueDate, description: "当日到期" }] };
    expect(refused({ milestones: [ms(0, "onTrack")] }, onTheDay).path).toBe("milestones.0.status");
    const left = refused({ milestones: [ms(1, "onTrack")] });
    expect([left.path, left.messageZh.includes("完成样机设计")]).toEqual(["milestones", true]);
  });

  it("refuses done or late without evidence, even for a milestone not yet due", () => {
    expect(pathOf(ms(0, "done", " "))).toBe("milestones.0.evidence");
    const late = refused({ milestones: [ms(0, "done"), ms(1, "late", "")] });
    expect([late.path, late.message]).toEqual(["milestones.1.evidence", expect.stringContaining("late")]);
  });

  it("refuses an unknown or repeated milestone index", () => {
    for (const index of [2, -1, 0.5]) expect(pathOf(ms(index, "done"))).toBe("milestones.0.index");
    expect(pathOf(ms(0, "done"), ms(0, "done"))).toBe("milestones.1.index");
  });

  it("refuses an unknown, repeated or missing budget line", () => {
    const eq = { category: "equipment", spentFen: 248_300, explanation: "" };
    expect(refused({ spending: [{ ...eq, category: "travel" }] }).path).toBe("spending.0.category");
    expect(refused({ spending: [eq, eq] }).path).toBe("spending.1.category");
    expect(refused({ spending: [eq] }).path).toBe("spending");
    expect(refused({ spending: [] }).path).toBe("spending");
  });

  it("refuses a drifting line without its explanation, citing the city's setting", () => {
    const spending = [
      { category: "equipment", spentFen: 248_300, explanation: "" },
      { category: "materials", spentFen: 1_200_000, explanation: " " },
    ];
    const e = refused({ spending });
    expect(e).toMatchObject({ code: "VALIDATION", path: "spending.1.explanation", setting: "city" });
    expect(e.clause).toBeUndefined();
    const explained = [
      spending[0],
      { ...spending[1], explanation: "提前采购试剂" },
    ] as ProgressContent["spending"];
    const v = checkProgressReport(luoyang, terms, first, { ...good, spending: explained });
    expect(v.map((x) => x.needsExplanation)).toEqual([false, true]);
  });
});

describe("where a report stands", () => {
  const due: ReportDue = { period: 1, dueDate: "2026-07-01", opensOn: "2026-01-01" };
  const st = (status: ProgressReportState | null, today: string) =>
    reportStanding(due, status ? { status } : null, today);

  it.each([
    // not filed: not open, open (the due day included), then overdue by whole days
    [null, "2025-12-31", "notOpen", 0],
    [null, "2026-01-01", "open", 0],
    [null, "2026-07-01", "open", 0],
    [null, "2026-07-02", "overdue", 1],
    [null, "2026-08-01", "overdue", 31],
    // filed: as reviewed; a returned report past its due date runs overdue
    ["submitted", "2026-08-01", "submitted", 0],
    ["approved", "2026-08-01", "approved", 0],
    ["returned", "2026-06-01", "returned", 0],
    ["returned", "2026-07-11", "returned", 10],
  ] as const)("filed as %s, on %s is %s, %i days overdue", (status, today, standing, overdueDays) => {
    expect(st(status, today)).toEqual({ standing, overdueDays });
  });

  it("counts the periods due and not approved, and lets a report be filed once open", () => {
    const schedule = progressSchedule("2026-01-01", "2027-12-31", 6);
    // due on 1 July: outstanding from the day after, as it is overdue
    expect(reportsOutstanding(schedule, [], "2026-07-01")).toEqual([]);
    expect(reportsOutstanding(schedule, [], "2026-07-02")).toEqual([1]);
    const reports = [
      { period: 1, status: "approved" as const },
      { period: 2, status: "submitted" as const },
      { period: 3, status: "approved" as const },
    ];
    expect(reportsOutstanding(schedule, reports, "2027-01-02")).toEqual([2]);
    // the first share on signing waits for no report; the later nodes wait where the city holds them
    expect(reportsHolding(luoyang, "taskBookSigned", [2])).toEqual([]);
    expect(reportsHolding(luoyang, "midTermPassed", [2])).toEqual([2]);
    const progressReports = luoyang.tracking.progressReports;
    const lenient = {
      tracking: {
        ...luoyang.tracking,
        progressReports: { ...progressReports, holdNodes: { ...progressReports.holdNodes, value: false } },
      },
    };
    expect(reportsHolding(lenient, "accepted", [2])).toEqual([]);
    expect(reportsOutstanding(schedule, reports, "2030-01-01")).toEqual([2]);
    const may = (status: ProgressReportState | null, today: string) =>
      mayFile(due, status ? { status } : null, today);
    expect([may(null, "2025-12-31"), may(null, "2026-01-01"), may(null, "2026-09-01")]).toEqual([F, T, T]);
    expect([
      may("returned", "2026-09-01"),
      may("submitted", "2026-03-01"),
      may("approved", "2026-03-01"),
    ]).toEqual([T, F, F]);
    expect(["2026-06-16", "2026-06-17", "2026-07-02"].map((d) => dueSoon(due, d))).toEqual([F, T, F]);
    // what the inboxes list and the bureau may remind of: due soon, overdue, or returned
    const awaits = (status: ProgressReportState | null, today: string) =>
      awaitsFiling(due, status ? { status } : null, today);
    expect([awaits(null, "2026-03-01"), awaits(null, "2026-06-20"), awaits(null, "2026-07-05")]).toEqual([
      F,
      T,
      T,
    ]);
    expect([
      awaits("returned", "2026-03-01"),
      awaits("submitted", "2026-07-05"),
      awaits("approved", "2026-08-01"),
    ]).toEqual([T, F, F]);
  });
});

describe("the progress report's lifecycle", () => {
  const table: [ProgressReportEvent, ProgressReportState, ProgressReportState, Role[]][] = [
    ["resubmit", "returned", "submitted", ["unitAdmin", "principalInvestigator"]],
    ["approve", "submitted", "approved", ["programOfficer"]],
    ["return", "submitted", "returned", ["programOfficer"]],
  ];

  it("lets only the bureau review and only the unit or PI resubmit, from the one right state", () => {
    for (const [event, from, to, by] of table)
      for (const state of progressReportStates)
        for (const role of roles) {
          const go = () => fire(progressReportMachine, state, event, [role]);
          if (!by.includes(role)) expect(errorOf(go).code).toBe("FORBIDDEN");
          else if (state !== from) expect(errorOf(go).code).toBe("INVALID_TRANSITION");
          else expect(go()).toBe(to);
        }
  });
});

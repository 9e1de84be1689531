import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, roles } from "../identity/roles.ts";
import { paymentSchedule } from "../ledger/disbursement.ts";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { DomainError } from "../shared/errors.ts";
import { allowedEvents } from "../shared/machine.ts";
import {
  confirmTaskBook,
  type TaskBookApplication,
  type TaskBookConfirmations,
  type TaskBookEvent,
  type TaskBookSource,
  type TaskBookState,
  taskBookActions,
  taskBookContent,
  taskBookMachine,
  taskBookStates,
} from "./task-book.ts";

const [datong, luoyang] = shippedPolicies();
const monday = new Date("2026-03-02T09:00:00.000Z");
const tuesday = new Date("2026-03-03T09:00:00.000Z");

type TaskBook = TaskBookConfirmations & { status: TaskBookState };
const drafted: TaskBook = { status: "drafted", unitConfirmedAt: null, bureauConfirmedAt: null };
const byUnit: TaskBook = { ...drafted, unitConfirmedAt: monday };
const byBureau: TaskBook = { ...drafted, bureauConfirmedAt: monday };
const confirmed: TaskBook = { status: "confirmed", unitConfirmedAt: monday, bureauConfirmedAt: tuesday };
const signed: TaskBook = { ...confirmed, status: "signed" };

/** One side confirms as the server would: the refusal leaves the task book as it was. */
function confirm(tb: TaskBook, side: "unit" | "bureau", at: Date): { tb: TaskBook; code?: string } {
  try {
    const status = confirmTaskBook(tb, side);
    return {
      tb: side === "unit" ? { ...tb, status, unitConfirmedAt: at } : { ...tb, status, bureauConfirmedAt: at },
    };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { tb, code: e.code };
  }
}

describe("task book machine (计划任务书, DT-RULES §18; LY-FUNDS §13, §23)", () => {
  it("names only its own states and labels each", () => {
    for (const t of Object.values(taskBookMachine.transitions)) {
      for (const s of [...t.from, t.to]) expect(taskBookStates).toContain(s);
    }
    for (const s of taskBookStates) expect(taskBookMachine.labels[s].zh).not.toBe("");
  });

  it("lets the bureau and the unit each confirm a drafted task book, and either upload the signed scan", () => {
    expect(allowedEvents(taskBookMachine, "drafted", ["programOfficer"])).toEqual(["confirmBureau"]);
    expect(allowedEvents(taskBookMachine, "drafted", ["unitAdmin"])).toEqual(["confirmUnit"]);
    expect(allowedEvents(taskBookMachine, "confirmed", ["unitAdmin"])).toEqual(["sign"]);
    expect(allowedEvents(taskBookMachine, "confirmed", ["programOfficer"])).toEqual(["sign"]);
    expect(allowedEvents(taskBookMachine, "signed", [...roles])).toEqual([]);
    for (const role of ["principalInvestigator", "financeOfficer", "bureauLeader", "expert"] as const) {
      for (const s of taskBookStates) expect(allowedEvents(taskBookMachine, s, [role])).toEqual([]);
    }
  });
});

describe("confirmTaskBook: each side once, in either order", () => {
  it("keeps the first confirmation drafted and the other side's second one confirms it", () => {
    expect(confirmTaskBook(drafted, "unit")).toBe("drafted");
    expect(confirmTaskBook(drafted, "bureau")).toBe("drafted");
    expect(confirmTaskBook(byUnit, "bureau")).toBe("confirmed");
    expect(confirmTaskBook(byBureau, "unit")).toBe("confirmed");
  });

  it("refuses the same side twice with CONFLICT, whichever came first", () => {
    for (const [tb, side] of [
      [byUnit, "unit"],
      [byBureau, "bureau"],
      [confirmed, "unit"],
      [confirmed, "bureau"],
      [signed, "unit"],
      [signed, "bureau"],
    ] as const) {
      let caught: unknown;
      try {
        confirmTaskBook(tb, side);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect(caught).toMatchObject({ code: "CONFLICT", kind: "conflict" });
    }
  });

  it("walks both orders to confirmed", () => {
    for (const [first, second] of [
      ["unit", "bureau"],
      ["bureau", "unit"],
    ] as const) {
      const a = confirm(drafted, first, monday);
      expect(a.code).toBeUndefined();
      expect(a.tb.status).toBe("drafted");
      expect(confirm(a.tb, first, tuesday)).toEqual({ tb: a.tb, code: "CONFLICT" });
      const b = confirm(a.tb, second, tuesday);
      expect(b.code).toBeUndefined();
      expect(b.tb).toEqual({
        status: "confirmed",
        unitConfirmedAt: expect.any(Date),
        bureauConfirmedAt: expect.any(Date),
      });
    }
  });

  it("confirms once both sides have, whatever the order and repetitions, refusing each repetition", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("unit" as const, "bureau" as const), { maxLength: 10 }),
        (sides) => {
          let tb = drafted;
          const seen = new Set<string>();
          for (const [i, side] of sides.entries()) {
            const r = confirm(tb, side, new Date(monday.getTime() + i * 1000));
            if (seen.has(side)) expect(r.code).toBe("CONFLICT");
            else expect(r.code).toBeUndefined();
            seen.add(side);
            tb = r.tb;
            expect(tb.status).toBe(seen.size === 2 ? "confirmed" : "drafted");
          }
          expect(Boolean(tb.unitConfirmedAt)).toBe(seen.has("unit"));
          expect(Boolean(tb.bureauConfirmedAt)).toBe(seen.has("bureau"));
        },
      ),
    );
  });
});

describe("taskBookActions", () => {
  it("offers the bureau's confirmation to a program officer and the unit's to a unit admin, until given", () => {
    expect(taskBookActions(drafted, ["programOfficer"])).toEqual(["confirmBureau"]);
    expect(taskBookActions(drafted, ["unitAdmin"])).toEqual(["confirmUnit"]);
    expect(taskBookActions(byBureau, ["programOfficer"])).toEqual([]);
    expect(taskBookActions(byBureau, ["unitAdmin"])).toEqual(["confirmUnit"]);
    expect(taskBookActions(byUnit, ["unitAdmin"])).toEqual([]);
    expect(taskBookActions(byUnit, ["programOfficer"])).toEqual(["confirmBureau"]);
    expect(taskBookActions(drafted, ["programOfficer", "unitAdmin"])).toEqual([
      "confirmBureau",
      "confirmUnit",
    ]);
  });

  it("offers sign only once confirmed, and nothing once signed", () => {
    for (const r of ["programOfficer", "unitAdmin"] as const) {
      expect(taskBookActions(confirmed, [r])).toEqual(["sign"]);
      expect(taskBookActions(signed, [r])).toEqual([]);
      for (const tb of [drafted, byUnit, byBureau]) expect(taskBookActions(tb, [r])).not.toContain("sign");
    }
    expect(taskBookActions(signed, [...roles])).toEqual([]);
  });

  it("offers a PI, a finance officer or anyone else nothing", () => {
    const others = roles.filter((r) => r !== "programOfficer" && r !== "unitAdmin");
    for (const tb of [drafted, byUnit, byBureau, confirmed, signed]) {
      expect(taskBookActions(tb, ["principalInvestigator"])).toEqual([]);
      expect(taskBookActions(tb, ["financeOfficer"])).toEqual([]);
      expect(taskBookActions(tb, others)).toEqual([]);
      expect(taskBookActions(tb, [])).toEqual([]);
    }
  });

  it("offers only what the machine allows, and a confirmation only where confirmTaskBook accepts it", () => {
    const date = fc.option(fc.constant(monday), { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          status: fc.constantFrom(...taskBookStates),
          unitConfirmedAt: date,
          bureauConfirmedAt: date,
        }),
        fc.subarray([...roles]),
        (tb, held: Role[]) => {
          const offered = taskBookActions(tb, held);
          for (const e of offered) expect(allowedEvents(taskBookMachine, tb.status, held)).toContain(e);
          const expected: TaskBookEvent[] = [];
          if (tb.status === "drafted") {
            if (!tb.bureauConfirmedAt && held.includes("programOfficer")) expected.push("confirmBureau");
            if (!tb.unitConfirmedAt && held.includes("unitAdmin")) expected.push("confirmUnit");
          }
          if (tb.status === "confirmed" && (held.includes("programOfficer") || held.includes("unitAdmin")))
            expected.push("sign");
          expect(offered).toEqual(expected);
          if (offered.includes("confirmBureau")) expect(() => confirmTaskBook(tb, "bureau")).not.toThrow();
          if (offered.includes("confirmUnit")) expect(() => confirmTaskBook(tb, "unit")).not.toThrow();
        },
      ),
      { numRuns: 1000 },
    );
  });
});

const application: TaskBookApplication = {
  startDate: "2026-01-01",
  endDate: "2027-12-31",
  objectives: "突破关键技术",
  researchContent: "研究内容",
  targets: [{ kind: "patent", description: "发明专利", value: 2, unit: "项" }],
  milestones: [{ dueDate: "2026-12-31", description: "样机", deliverable: "样机一台" }],
  budgetLines: [
    { category: "equipment", amountFen: 40_000_000 },
    { category: "hiredStaff", amountFen: 30_000_000 },
    { category: "indirect", amountFen: 30_000_001 },
  ],
  team: [{ name: "张三", role: "负责人", title: "研究员", unitName: "洛阳示范大学", workMonths: 12 }],
  selfRaisedFen: 5_000_000,
  coFundingFen: 1_000_000,
};

const source = (
  program: string,
  amountFen: number,
  over: Partial<TaskBookSource["project"]> = {},
  app: TaskBookApplication | null = application,
): TaskBookSource => ({
  project: {
    number: "LY2026-0001",
    title: "示范项目",
    program,
    year: 2026,
    amountFen,
    origin: "call",
    unitName: "洛阳示范大学",
    piName: "张三",
    thirdParty: null,
    ...over,
  },
  application: app,
});

describe("taskBookContent (Luoyang)", () => {
  it("draws the project, its application and its program's payment nodes from the policy", () => {
    const c = taskBookContent(luoyang, source("majorInnovation", 100_000_001));
    expect(c).toMatchObject({
      cityNameZh: "洛阳市",
      bureauZh: "洛阳市科学技术局",
      number: "LY2026-0001",
      title: "示范项目",
      program: "majorInnovation",
      programName: "重大科技创新专项",
      year: 2026,
      amountFen: 100_000_001,
      unitName: "洛阳示范大学",
      piName: "张三",
      tripartite: null,
      period: { startDate: "2026-01-01", endDate: "2027-12-31" },
      objectives: "突破关键技术",
      researchContent: "研究内容",
      targets: application.targets,
      milestones: application.milestones,
      team: application.team,
      selfRaisedFen: 5_000_000,
      coFundingFen: 1_000_000,
      lumpSum: null,
      paymentBasis: { clause: "LY-FUNDS §13(一)" },
    });
    expect(c.nodes).toEqual([
      { code: "first", after: "taskBookSigned", amountFen: 60_000_000, source: { setting: "city" } },
      { code: "midTerm", after: "midTermPassed", amountFen: 20_000_000, source: { setting: "city" } },
      { code: "final", after: "accepted", amountFen: 20_000_001, source: { setting: "city" } },
    ]);
  });

  it("splits a pre-funded project's amount into first/midTerm/final that add up exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000_000 }), (amountFen) => {
        const c = taskBookContent(luoyang, source("majorInnovation", amountFen));
        expect(c.nodes.map((n) => [n.code, n.after])).toEqual([
          ["first", "taskBookSigned"],
          ["midTerm", "midTermPassed"],
          ["final", "accepted"],
        ]);
        expect(c.nodes.reduce((s, n) => s + n.amountFen, 0)).toBe(amountFen);
        for (const n of c.nodes) {
          expect(Number.isSafeInteger(n.amountFen)).toBe(true);
          expect(n.amountFen).toBeGreaterThanOrEqual(0);
        }
        expect(c.nodes[0]?.amountFen).toBe(Math.floor((amountFen * 60) / 100));
        expect(c.nodes[1]?.amountFen).toBe(Math.floor((amountFen * 20) / 100));
        // the task book prints the schedule the ledger will pay
        expect(c.nodes).toEqual(
          paymentSchedule(luoyang, "majorInnovation", amountFen).map(
            ({ code, after, amountFen, source }) => ({
              code,
              after,
              amountFen,
              source,
            }),
          ),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("pays soft science as a lump sum once signed (包干制, LY-REFORM §三(四)3)", () => {
    const c = taskBookContent(luoyang, source("softScience", 2_999_999));
    expect(c.programName).toBe("软科学项目");
    expect(c.lumpSum).toEqual({ source: { clause: "LY-REFORM §三(四)3" } });
    expect(c.nodes).toEqual([
      {
        code: "lumpSum",
        after: "taskBookSigned",
        amountFen: 2_999_999,
        source: { clause: "LY-REFORM §三(四)3" },
      },
    ]);
    expect(c.paymentBasis).toEqual({ clause: "LY-REFORM §三(四)3" });
  });

  it("names soft science's mid-term milestone under milestone management (LY-REFORM §三(三)3), no other program's", () => {
    const withMilestones = {
      ...application,
      milestones: [
        { dueDate: "2027-06-30", description: "结题报告", deliverable: "报告" },
        { dueDate: "2026-05-31", description: "调研", deliverable: "调研提纲" },
        { dueDate: "2026-12-31", description: "中期研究报告", deliverable: "中期报告" },
      ],
    };
    const soft = taskBookContent(luoyang, source("softScience", 1, {}, withMilestones));
    // the period runs 2026-01-01 to 2027-12-31: its middle is 2026-12-31, the day that milestone is due
    expect(soft.midTermMilestone).toEqual({
      milestone: { dueDate: "2026-12-31", description: "中期研究报告", deliverable: "中期报告" },
      source: { clause: "LY-REFORM §三(三)3" },
    });
    expect(
      taskBookContent(luoyang, source("majorInnovation", 1, {}, withMilestones)).midTermMilestone,
    ).toBeNull();
    expect(taskBookContent(datong, source("softScience", 1, {}, withMilestones)).midTermMilestone).toBeNull();
  });

  it("pays a post-subsidy once graded, and no lump sum", () => {
    const c = taskBookContent(luoyang, source("publicWelfare", 10_000_000));
    expect(c.lumpSum).toBeNull();
    expect(c.nodes).toEqual([
      { code: "subsidy", after: "graded", amountFen: 10_000_000, source: { clause: "LY-FUNDS §13(二)" } },
    ]);
    expect(c.paymentBasis).toEqual({ clause: "LY-FUNDS §13(二)" });
  });

  it("gives a filing (guiding), joint research or fund push program no nodes and no payment basis", () => {
    for (const [program, name] of [
      ["guiding", "指导计划项目"],
      ["jointResearch", "联合科研项目"],
      ["fundPush", "基金推送项目"],
    ] as const) {
      const c = taskBookContent(luoyang, source(program, 5_000_000));
      expect(c.programName).toBe(name);
      expect(c.nodes).toEqual([]);
      expect(c.paymentBasis).toBeNull();
      expect(c.lumpSum).toBeNull();
    }
  });

  it("names each budget line by the policy's Chinese category name, keeping an unknown code as it is", () => {
    const c = taskBookContent(luoyang, source("majorInnovation", 100_000_001));
    expect(c.budgetLines).toEqual([
      { category: "equipment", categoryName: "设备费", amountFen: 40_000_000 },
      { category: "hiredStaff", categoryName: "聘用人员劳务费", amountFen: 30_000_000 },
      { category: "indirect", categoryName: "间接费用", amountFen: 30_000_001 },
    ]);
    for (const cat of luoyang.budget.categories) {
      const one = taskBookContent(
        luoyang,
        source(
          "majorInnovation",
          1_000,
          {},
          { ...application, budgetLines: [{ category: cat.code, amountFen: 1_000 }] },
        ),
      );
      expect(one.budgetLines).toEqual([{ category: cat.code, categoryName: cat.nameZh, amountFen: 1_000 }]);
      expect(one.budgetLines[0]?.categoryName).toMatch(/[\u4e00-\u9fff]/);
    }
    const unknown = taskBookContent(
      luoyang,
      source(
        "majorInnovation",
        1_000,
        {},
        { ...application, budgetLines: [{ category: "mystery", amountFen: 1 }] },
      ),
    );
    expect(unknown.budgetLines).toEqual([{ category: "mystery", categoryName: "mystery", amountFen: 1 }]);
  });

  it("draws empty lists, no period and zero funds from a project without an application", () => {
    const c = taskBookContent(luoyang, source("majorInnovation", 100_000_001, { origin: "challenge" }, null));
    expect(c).toMatchObject({
      period: null,
      objectives: "",
      researchContent: "",
      targets: [],
      milestones: [],
      budgetLines: [],
      team: [],
      selfRaisedFen: 0,
      coFundingFen: 0,
    });
    // the nodes come from the project's amount, not the application
    expect(c.nodes.reduce((s, n) => s + n.amountFen, 0)).toBe(100_000_001);
  });

  it("has no period when the application lacks either date", () => {
    expect(
      taskBookContent(luoyang, source("softScience", 1, {}, { ...application, endDate: "" })).period,
    ).toBeNull();
    expect(
      taskBookContent(luoyang, source("softScience", 1, {}, { ...application, startDate: "" })).period,
    ).toBeNull();
  });

  it("makes a challenge's task book tripartite with the enterprise that set it", () => {
    const c = taskBookContent(
      luoyang,
      source("majorInnovation", 1_000, { thirdParty: "洛阳示范企业", piName: null }),
    );
    expect(c.tripartite).toEqual({ thirdParty: "洛阳示范企业" });
    expect(c.piName).toBeNull();
    expect(
      taskBookContent(luoyang, source("majorInnovation", 1_000, { thirdParty: "" })).tripartite,
    ).toBeNull();
  });

  it("keeps an unknown program's code as its name and pays it nothing", () => {
    const c = taskBookContent(luoyang, source("nonesuch", 1_000));
    expect(c.programName).toBe("nonesuch");
    expect(c.nodes).toEqual([]);
    expect(c.paymentBasis).toBeNull();
    expect(c.lumpSum).toBeNull();
  });
});

describe("taskBookContent (Datong)", () => {
  it("pays each program once the task book is signed, as the city's setting", () => {
    for (const program of datong.programs) {
      const c = taskBookContent(datong, source(program.code, 20_000_000_01, { number: "DT2026-0001" }));
      expect(c.cityNameZh).toBe("大同市");
      expect(c.bureauZh).toBe("大同市科学技术局");
      expect(c.programName).toBe(program.nameZh);
      expect(c.nodes).toEqual([
        { code: "lumpSum", after: "taskBookSigned", amountFen: 20_000_000_01, source: { setting: "city" } },
      ]);
      expect(c.paymentBasis).toEqual({ setting: "city" });
      // Datong's documents set no 包干制: its one payment is a node, not a lump sum the unit manages
      expect(c.lumpSum).toBeNull();
    }
  });

  it("adds its one node up to the amount, whatever the amount", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000_000 }),
        fc.constantFrom(...datong.programs),
        (amountFen, p) => {
          const nodes = taskBookContent(datong, source(p.code, amountFen)).nodes;
          expect(nodes).toHaveLength(1);
          expect(nodes[0]?.amountFen).toBe(amountFen);
        },
      ),
    );
  });
});

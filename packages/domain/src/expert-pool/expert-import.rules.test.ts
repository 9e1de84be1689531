import { describe, expect, it } from "vitest";
import { makeResidentId, makeUscc } from "../identity/identifiers.ts";
import {
  checkExpertImport,
  type ExpertImportContext,
  type ExpertImportRawRow,
} from "./expert-import.rules.ts";

const uscc = makeUscc("12410300MB1LY0003");
const ctx = (over: Partial<ExpertImportContext> = {}): ExpertImportContext => ({
  unitIdByUscc: new Map([[uscc, "unit-1"]]),
  digestOf: (id) => `d:${id}`,
  takenUsernames: new Set(["ly-expert"]),
  takenDigests: new Set(),
  now: new Date("2026-03-02T02:00:00Z"),
  ...over,
});
const id = (n: number) => makeResidentId(`41030519700508${String(n).padStart(3, "0")}`);
const good = (row: number, over: Record<string, string> = {}): ExpertImportRawRow => ({
  row,
  cells: {
    username: `expert${row}`,
    displayName: "王专家",
    idNumber: id(row),
    unitUscc: uscc,
    disciplines: "52020；46020",
    title: "教授",
    keywords: "轴承，寿命预测",
    availability: "2026-03-01~2026-06-30",
    ...over,
  },
});
const problemsOf = (rows: ExpertImportRawRow[], c = ctx()) => {
  const res = checkExpertImport(rows, c);
  return res.ok ? [] : res.problems.map((p) => [p.row, p.column, p.kind]);
};

describe("checking an expert import", () => {
  it("takes clean rows whole, lists parsed", () => {
    const res = checkExpertImport([good(2), good(3)], ctx());
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.rows[0]).toMatchObject({
      username: "expert2",
      unitId: "unit-1",
      disciplines: ["52020", "46020"],
      keywords: ["轴承", "寿命预测"],
      availability: [{ from: "2026-03-01", until: "2026-06-30" }],
    });
  });

  it("names a bad resident ID number, with the check's own reason", () => {
    const bad = id(2).slice(0, 17) + (id(2).endsWith("0") ? "1" : "0");
    expect(problemsOf([good(2, { idNumber: bad })])).toEqual([[2, "身份证号", "badIdNumber"]]);
  });

  it("names an unknown discipline code and an unknown unit", () => {
    expect(problemsOf([good(2, { disciplines: "52020;99999" })])).toEqual([
      [2, "学科代码", "unknownDiscipline"],
    ]);
    expect(problemsOf([good(2, { unitUscc: makeUscc("91410305MA9TE0001") })])).toEqual([
      [2, "所在单位统一社会信用代码", "unknownUnit"],
    ]);
  });

  it("names duplicates inside the file and against the pool", () => {
    expect(problemsOf([good(2), good(3, { idNumber: id(2) }), good(4, { username: "expert2" })])).toEqual([
      [3, "身份证号", "duplicateInFile"],
      [4, "用户名", "duplicateInFile"],
    ]);
    expect(problemsOf([good(2, { username: "ly-expert" })])).toEqual([[2, "用户名", "alreadyInPool"]]);
    expect(problemsOf([good(2)], ctx({ takenDigests: new Set([`d:${id(2)}`]) }))).toEqual([
      [2, "身份证号", "alreadyInPool"],
    ]);
  });

  it("names every missing required cell, and every bad row at once", () => {
    expect(
      problemsOf([good(2, { displayName: " ", disciplines: "" }), good(3, { availability: "明年" })]),
    ).toEqual([
      [2, "姓名", "missing"],
      [2, "学科代码", "missing"],
      [3, "可评审时段", "badValue"],
    ]);
  });

  it("refuses an empty sheet", () => {
    expect(problemsOf([])).toEqual([[0, "", "missing"]]);
  });
});

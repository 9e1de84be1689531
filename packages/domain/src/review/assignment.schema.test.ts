import { describe, expect, it } from "vitest";
import { parseAssignmentInstance } from "./assignment.schema.ts";

const valid = {
  reviewersPerApplication: 1,
  minLoad: 0,
  maxLoad: 2,
  applications: [{ id: "A", unitIds: ["u1"] }],
  experts: [
    { id: "E1", unitId: "u2" },
    { id: 7, unitId: "u3" },
  ],
  affinity: [[0.5, 1]],
  conflicts: [[0, 1]],
};

describe("parseAssignmentInstance", () => {
  it("accepts the documented format", () => {
    expect(parseAssignmentInstance(valid).ok).toBe(true);
  });

  it("names every problem with its path", () => {
    const result = parseAssignmentInstance({
      ...valid,
      minLoad: 3,
      affinity: [[0.5]],
      conflicts: [[1, 5]],
      experts: [valid.experts[0], valid.experts[0]],
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        "minLoad: minLoad 3 is above maxLoad 2",
        "affinity.0: 1 numbers for 2 experts",
        "conflicts.0.0: no application 1 (there are 1)",
        "conflicts.0.1: no expert 5 (there are 2)",
        "experts.1.id: duplicate id E1",
      ]);
  });

  it("refuses a missing field or a non-number affinity", () => {
    const result = parseAssignmentInstance({ ...valid, affinity: [["x", 1]], maxLoad: undefined });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.split(":")[0])).toEqual(["maxLoad", "affinity.0.0"]);
  });
});

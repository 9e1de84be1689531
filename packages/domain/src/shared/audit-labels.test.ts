import { describe, expect, it } from "vitest";
import { applicationMachine } from "../application/application.machine.ts";
import { guideMachine } from "../guide/guide.machine.ts";
import { needMachine } from "../need/need.machine.ts";
import { auditActionLabel, auditActionLabels, auditEntityLabel } from "./audit-labels.ts";

describe("audit labels", () => {
  it("names every lifecycle event the machines can record, in both languages", () => {
    const machines = [
      ["application", applicationMachine],
      ["guide", guideMachine],
      ["need", needMachine],
    ] as const;
    for (const [area, m] of machines) {
      for (const event of Object.keys(m.transitions)) {
        expect(auditActionLabels[`${area}.${event}`], `${area}.${event}`).toBeDefined();
      }
    }
  });

  it("shows an unknown code as itself, and never reads Object.prototype", () => {
    expect(auditActionLabel("application.recommend").zh).toBe("县区推荐");
    expect(auditActionLabel("something.new")).toEqual({ zh: "something.new", en: "something.new" });
    expect(auditEntityLabel("toString")).toEqual({ zh: "toString", en: "toString" });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Json } from "../shared/json.ts";
import { applicationContentSchema } from "./application.ts";
import { diffContent, type FieldChange } from "./revision-diff.ts";

/** Writes each change's `after` at its dotted path into a deep copy of `base`. */
function apply(base: unknown, changes: FieldChange[]): unknown {
  let root = structuredClone(base);
  for (const { path, after } of changes) {
    if (path === "") {
      root = structuredClone(after);
      continue;
    }
    const keys = path.split(".");
    const last = keys.pop() as string;
    let node = root as Record<string, unknown>;
    for (const k of keys) node = node[k] as Record<string, unknown>;
    node[last] = structuredClone(after);
  }
  return root;
}

/** Every plain value (string, number, boolean, null) by its dotted path. */
function leaves(v: unknown, path = ""): [string, unknown][] {
  const join = (k: string) => (path ? `${path}.${k}` : k);
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, join(String(i))));
  if (v !== null && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => leaves(x, join(k)));
  return [[path, v]];
}

function at(root: unknown, path: string): unknown {
  if (path === "") return root;
  return path
    .split(".")
    .reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], root);
}

describe("diffContent", () => {
  it("is empty for unchanged content", () => {
    const c = applicationContentSchema.parse({
      basic: { title: "题目" },
      targets: [{ kind: "paper", value: 1 }],
    });
    expect(diffContent(c, structuredClone(c))).toEqual([]);
    expect(diffContent({}, {})).toEqual([]);
    expect(diffContent([], [])).toEqual([]);
    expect(diffContent("a", "a")).toEqual([]);
  });

  it("names changed leaves of nested objects by dotted path, in sorted key order", () => {
    const before = { basic: { title: "旧", abstract: "同" }, funding: { coFundingFen: 1 } };
    const after = { basic: { title: "新", abstract: "同" }, funding: { coFundingFen: 2 } };
    expect(diffContent(before, after)).toEqual([
      { path: "basic.title", before: "旧", after: "新" },
      { path: "funding.coFundingFen", before: 1, after: 2 },
    ]);
  });

  it("reports added and removed keys with null for the missing side", () => {
    expect(diffContent({ a: 1 }, { b: 2 })).toEqual([
      { path: "a", before: 1, after: null },
      { path: "b", before: null, after: 2 },
    ]);
  });

  it("reports a growing array element by element", () => {
    const before = { milestones: [{ dueDate: "2026-12-31", description: "调研" }] };
    const after = {
      milestones: [
        { dueDate: "2026-12-31", description: "调研" },
        { dueDate: "2027-06-30", description: "结题" },
      ],
    };
    expect(diffContent(before, after)).toEqual([
      { path: "milestones.1", before: null, after: { dueDate: "2027-06-30", description: "结题" } },
    ]);
  });

  it("reports a shrinking array element by element", () => {
    expect(diffContent({ team: ["甲", "乙", "丙"] }, { team: ["甲"] })).toEqual([
      { path: "team.1", before: "乙", after: null },
      { path: "team.2", before: "丙", after: null },
    ]);
  });

  it("goes into array elements that are objects", () => {
    const before = { team: [{ name: "张三", workMonths: 6 }] };
    const after = { team: [{ name: "张三", workMonths: 8 }] };
    expect(diffContent(before, after)).toEqual([{ path: "team.0.workMonths", before: 6, after: 8 }]);
  });

  it("reports a change of kind (object ↔ array ↔ value) as one change of the whole", () => {
    expect(diffContent({ a: { x: 1 } }, { a: [1] })).toEqual([{ path: "a", before: { x: 1 }, after: [1] }]);
    expect(diffContent({ a: [] }, { a: {} })).toEqual([{ path: "a", before: [], after: {} }]);
    expect(diffContent({ a: null }, { a: { x: 1 } })).toEqual([{ path: "a", before: null, after: { x: 1 } }]);
  });

  it("names array elements without a leading dot when the root is an array", () => {
    expect(diffContent([1, 2], [1, 3])).toEqual([{ path: "1", before: 2, after: 3 }]);
    expect(diffContent([[1]], [[2]])).toEqual([{ path: "0.0", before: 1, after: 2 }]);
  });

  it("reports a change of a plain value at the root with an empty path", () => {
    expect(diffContent(1, 2)).toEqual([{ path: "", before: 1, after: 2 }]);
  });
});

// JSON values with keys that cannot be confused with path syntax (no dots, not numeric-looking clashes).
const key = fc.stringMatching(/^[a-z][a-zA-Z]{0,5}$/);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  ),
})).value as fc.Arbitrary<Json>;

describe("diffContent properties", () => {
  it("diff(a, a) is empty", () => {
    fc.assert(
      fc.property(json, (a) => {
        expect(diffContent(a, structuredClone(a))).toEqual([]);
      }),
    );
  });

  it("applying the changes to the old content reconstructs every leaf of the new", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const patched = apply(a, diffContent(a, b));
        for (const [path, value] of leaves(b)) expect(at(patched, path)).toEqual(value);
      }),
    );
  });

  it("a leaf the new content no longer has reads null after applying the changes", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const patched = apply(a, diffContent(a, b));
        const kept = new Set(leaves(b).map(([p]) => p));
        for (const [path, value] of leaves(patched)) {
          if (!kept.has(path) && at(b, path) === undefined) expect(value).toBeNull();
        }
      }),
    );
  });

  it("reports nothing when and only when the two are equal as JSON", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const same = JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
        expect(diffContent(a, b).length === 0).toBe(same);
      }),
    );
  });

  it("every path is distinct and starts without a dot", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const paths = diffContent(a, b).map((c) => c.path);
        expect(new Set(paths).size).toBe(paths.length);
        for (const p of paths) expect(p.startsWith(".")).toBe(false);
      }),
    );
  });
});

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

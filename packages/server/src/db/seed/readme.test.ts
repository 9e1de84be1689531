import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoUsernames } from "./demo-data.ts";

// The README is the new user's first page: every login the server prints is listed there, and no
// link points outside a clone of this repository.

const root = path.resolve(import.meta.dirname, "../../../../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

describe("README", () => {
  it("lists every demo login the server prints", () => {
    // Datong's row says "the same with `dt-`", so a Datong login counts when its Luoyang twin is listed.
    const listed = (u: string) =>
      readme.includes(`\`${u}\``) || readme.includes(`\`${u.replace(/^dt-/, "ly-")}\``);
    expect(readme).toContain("the same with `dt-`");
    expect(demoUsernames.filter((u) => !listed(u))).toEqual([]);
  });

  it("links only to files inside the repository", () => {
    const links = [...readme.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1] ?? "");
    const local = links.filter((l) => !/^[a-z]+:/.test(l));
    for (const l of local) expect(fs.existsSync(path.join(root, l)), l).toBe(true);
    expect(readme).not.toMatch(/\.\.\/shared\//);
  });
});

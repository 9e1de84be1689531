import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { policiesDir } from "../test/test-app.ts";
import { readPolicies } from "./policy-files.ts";

const run = promisify(execFile);

function badPolicies(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshu-policies-"));
  for (const f of fs.readdirSync(policiesDir)) fs.copyFileSync(path.join(policiesDir, f), path.join(dir, f));
  const file = path.join(dir, "luoyang-2025.json");
  const policy = JSON.parse(fs.readFileSync(file, "utf8"));
  policy.programs[1].yearlyCap.count = -3;
  fs.writeFileSync(file, JSON.stringify(policy));
  return dir;
}

describe("policy files at start", () => {
  it("loads both cities' shipped files", () => {
    expect(readPolicies(policiesDir).map((p) => `${p.city}-${p.version}`)).toEqual([
      "datong-2025",
      "luoyang-2025",
    ]);
  });

  it("names the file, the field path and the problem of a bad file", () => {
    expect(() => readPolicies(badPolicies())).toThrow(/luoyang-2025\.json.*programs\[1\]\.yearlyCap\.count/);
  });

  it("stops the server before it opens the database", async () => {
    const dir = badPolicies();
    const main = path.resolve(import.meta.dirname, "../main.ts");
    const err = await run(process.execPath, ["--import", "tsx", main], {
      env: {
        ...process.env,
        LUOSHU_POLICIES_DIR: dir,
        LUOSHU_DATA_DIR: path.join(dir, "data"),
        DATABASE_URL: "",
      },
    }).catch((e: { code: number; stderr: string }) => e);
    expect("code" in err && err.code).toBe(1);
    expect("stderr" in err && err.stderr).toMatch(
      /政策文件校验失败[\s\S]*luoyang-2025\.json[\s\S]*yearlyCap\.count/,
    );
    expect(fs.existsSync(path.join(dir, "data"))).toBe(false);
  });
});

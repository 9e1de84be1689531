import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "./client.ts";

// Landed migrations are immutable: a database that applied one never applies its edited version.
// landed-migrations.sha256 lists each with its SHA-256 (`sha256sum *.sql` in the migrations folder);
// a new migration adds its line there.
const listFile = path.join(import.meta.dirname, "landed-migrations.sha256");

describe("landed migrations", () => {
  it("are exactly the files listed, byte for byte", () => {
    const listed = new Map(
      fs
        .readFileSync(listFile, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => {
          const [hash, name] = l.trim().split(/\s+/);
          return [name ?? "", hash ?? ""];
        }),
    );
    const files = fs.readdirSync(migrationsFolder).filter((f) => f.endsWith(".sql"));
    const problems: string[] = [];
    for (const f of files) {
      const hash = crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.join(migrationsFolder, f)))
        .digest("hex");
      const want = listed.get(f);
      if (!want)
        problems.push(`${f} is not listed: add the line "${hash}  ${f}" to landed-migrations.sha256`);
      else if (want !== hash) problems.push(`${f} was edited after landing: write a new migration instead`);
    }
    for (const name of listed.keys()) {
      if (!files.includes(name))
        problems.push(`${name} is listed but missing: landed migrations are never deleted`);
    }
    expect(problems).toEqual([]);
  });
});

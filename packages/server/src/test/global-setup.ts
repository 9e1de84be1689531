import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrationsFolder, openDatabase } from "../db/client.ts";

/**
 * Creating an embedded database runs initdb (several seconds); loading a dump takes well under one.
 * So the run makes one migrated database, dumps it, and every test file starts from that dump.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) return;
  const hash = crypto.createHash("sha256");
  for (const f of fs.readdirSync(migrationsFolder, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(migrationsFolder, f);
    if (fs.statSync(full).isFile()) hash.update(f).update(fs.readFileSync(full));
  }
  const file = path.join(os.tmpdir(), `luoshu-pglite-template-${hash.digest("hex").slice(0, 16)}.tar`);
  if (!fs.existsSync(file)) {
    const database = await openDatabase({ memory: true });
    await database.migrate();
    const dump = await database.dump?.();
    if (!dump) throw new Error("the embedded database cannot dump itself");
    fs.writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(`${file}.tmp`, file);
    await database.close();
  }
  project.provide("pgliteTemplate", file);
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

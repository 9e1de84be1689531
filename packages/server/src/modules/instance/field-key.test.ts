import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { users } from "../../db/schema/index.ts";
import { FieldCipher } from "../../lib/sm-crypto.ts";
import { openTestDatabase } from "../../test/test-app.ts";
import { openFieldCipher, StartupRefused } from "./field-key.ts";
import { instanceRepository } from "./instance.repository.ts";

// A restore without its key file must not start with a new key: the blacklist's keyed digests would
// then match nobody, and sanctioned investigators could apply again.

let database: Database;
let dir: string;
let keyFile: string;
beforeEach(async () => {
  database = await openTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshu-key-"));
  keyFile = path.join(dir, "sm4.key");
});
afterEach(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const open = (source: { key?: string } = {}) =>
  openFieldCipher(instanceRepository(database.db), { keyFile, ...source });
const addAccount = (cipher?: FieldCipher) =>
  database.db.insert(users).values({
    username: `u-${crypto.randomUUID()}`,
    displayName: "测试",
    passwordHash: "x",
    idNumberCipher: cipher?.encrypt("410305198603120011") ?? null,
  });

describe("the field-encryption key at start", () => {
  it("is made for a new database, and the same key opens it again", async () => {
    const first = await open();
    expect(fs.existsSync(keyFile)).toBe(true);
    await addAccount(first);
    const again = await open();
    expect(again.checkValue).toBe(first.checkValue);
  });

  it("is never made for a database that holds data: the start is refused, naming the key file", async () => {
    await open();
    await addAccount();
    fs.rmSync(keyFile);
    const refused = await open().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StartupRefused);
    expect((refused as Error).message).toContain(keyFile);
    expect(fs.existsSync(keyFile)).toBe(false);
  });

  it("refuses a key that is not the database's, from the file or the environment", async () => {
    await open();
    fs.writeFileSync(keyFile, crypto.randomBytes(16).toString("hex"));
    await expect(open()).rejects.toThrow(/does not match this database/);
    await expect(open({ key: crypto.randomBytes(16).toString("hex") })).rejects.toThrow(/LUOSHU_SM4_KEY/);
  });

  it("tests a database from before check values by its stored ciphers, then remembers the key", async () => {
    const key = crypto.randomBytes(16);
    await addAccount(new FieldCipher(key));
    await expect(open({ key: crypto.randomBytes(16).toString("hex") })).rejects.toThrow(StartupRefused);
    const right = await open({ key: key.toString("hex") });
    expect(await instanceRepository(database.db).setting("fieldKeyCheckValue")).toBe(right.checkValue);
  });

  it("refuses a missing key for a database that has accounts but never stored a check value", async () => {
    await addAccount();
    await expect(open()).rejects.toThrow(StartupRefused);
    expect(fs.existsSync(keyFile)).toBe(false);
  });
});

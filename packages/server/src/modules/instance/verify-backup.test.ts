import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalFileStore } from "../../lib/files/file-store.ts";
import { prepareForSubmission, startApplication } from "../../test/application-fixtures.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { instanceRepository } from "./instance.repository.ts";
import { verifyBackup } from "./verify-backup.ts";

// `npm run backup:verify` after a restore: every file a row names must be in the attachment store.

let t: TestApp;
let sha256: string;
beforeAll(async () => {
  t = await createTestApp();
  const pi = await t.as("ly-pi");
  const unit = await t.as("ly-unit");
  const callId = (await pi.get("/api/guides")).body.items[0].calls[0].id;
  const id = await startApplication(pi, callId);
  await prepareForSubmission(pi, unit, id);
  expect((await pi.post(`/api/applications/${id}/submit`)).status).toBe(200);
  sha256 = (await pi.get(`/api/applications/${id}/attachments`)).body[0].sha256;
});
afterAll(() => t.close());

const verify = () => verifyBackup({ instance: instanceRepository(t.database.db), files: t.files });

describe("backup verification", () => {
  it("finds every referenced file in a whole store", async () => {
    expect(await verify()).toEqual({ referenced: 1, missing: [], corrupt: [] });
  });

  it("names a file that the rows refer to but the store lacks, and one whose bytes changed", async () => {
    // A store restored from another day: empty, then holding other bytes under the same name.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "luoshu-restored-"));
    const restored = createLocalFileStore({ root });
    const verifyAgainst = () =>
      verifyBackup({ instance: instanceRepository(t.database.db), files: restored });
    const missing = await verifyAgainst();
    expect(missing.missing).toEqual([{ sha256, place: expect.stringContaining("luoyang/") }]);
    const file = path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "not the submitted scan");
    const corrupt = await verifyAgainst();
    expect(corrupt.corrupt.map((c) => c.sha256)).toEqual([sha256]);
    expect(corrupt.missing).toEqual([]);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

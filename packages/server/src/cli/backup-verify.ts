import { createLocalFileStore } from "../lib/files/file-store.ts";
import { instanceRepository } from "../modules/instance/instance.repository.ts";
import { verifyBackup } from "../modules/instance/verify-backup.ts";
import { openRuntime } from "../runtime.ts";

/**
 * After a restore: opens the database with its key (refused when the key is not the database's) and
 * checks the attachment store against every row that refers to a file. Exit 0 when all is there.
 */
let runtime: Awaited<ReturnType<typeof openRuntime>>;
try {
  runtime = await openRuntime();
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
try {
  console.log("密钥与数据库匹配 / the field-encryption key matches the database");
  const report = await verifyBackup({
    instance: instanceRepository(runtime.database.db),
    files: createLocalFileStore({ root: runtime.config.filesDir }),
  });
  for (const m of report.missing) console.error(`缺失 / missing: ${m.sha256} (${m.place})`);
  for (const c of report.corrupt) console.error(`损坏 / corrupt: ${c.sha256} (${c.place})`);
  const bad = report.missing.length + report.corrupt.length;
  console.log(
    `附件 / attachments: ${report.referenced} referenced, ${report.missing.length} missing, ${report.corrupt.length} corrupt (${runtime.config.filesDir})`,
  );
  if (bad > 0) process.exitCode = 1;
} finally {
  await runtime.database.close();
}

import { type Config, readConfig } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import type { FieldCipher } from "./lib/sm-crypto.ts";
import { openFieldCipher } from "./modules/instance/field-key.ts";
import { instanceRepository } from "./modules/instance/instance.repository.ts";

/** What the server and the command-line scripts share: configuration, database and field cipher. */
export async function openRuntime(
  config: Config = readConfig(),
): Promise<{ config: Config; database: Database; cipher: FieldCipher }> {
  const database = await openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl, poolSize: config.databasePoolSize }
      : { dataDir: config.dataDir },
  );
  await database.migrate();
  try {
    const cipher = await openFieldCipher(instanceRepository(database.db), {
      key: config.key,
      keyFile: config.keyFile,
    });
    return { config, database, cipher };
  } catch (e) {
    await database.close();
    throw e;
  }
}

import { type Config, readConfig } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { FieldCipher, loadMasterKey } from "./lib/sm-crypto.ts";

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
  const cipher = new FieldCipher(loadMasterKey({ key: config.key, keyFile: config.keyFile }));
  return { config, database, cipher };
}

import { createMasterKeyFile, FieldCipher, readMasterKey } from "../../lib/sm-crypto.ts";
import type { InstanceRepository } from "./instance.repository.ts";

const checkValueSetting = "fieldKeyCheckValue";

/** The server must not start: the message says why and what to do, in both languages. */
export class StartupRefused extends Error {
  override name = "StartupRefused";
}

/**
 * The field-encryption key, proven to be this database's. Personal data and the blacklist's keyed
 * digests only mean something under the key that wrote them: a restore without its key file used
 * to start with a fresh key, and blacklisted investigators could then apply. So a key is generated
 * only for a database without accounts, and any other key must give the stored check value.
 */
export async function openFieldCipher(
  repo: InstanceRepository,
  source: { key?: string; keyFile: string },
): Promise<FieldCipher> {
  const stored = await repo.setting(checkValueSetting);
  const existing = readMasterKey(source);
  if (!existing) {
    if (stored || (await repo.hasAccounts())) {
      throw new StartupRefused(
        `数据库已有数据，但找不到它的字段加密密钥（${source.keyFile}，或环境变量 LUOSHU_SM4_KEY）。请从备份恢复与该数据库配套的密钥文件后再启动；服务未启动，也未生成新密钥。\n` +
          `This database holds data but its field-encryption key is missing (${source.keyFile}, or LUOSHU_SM4_KEY). Restore the key file that belongs to this database's backup and start again; the server did not start and made no new key.`,
      );
    }
    return remember(repo, new FieldCipher(createMasterKeyFile(source.keyFile)));
  }
  const cipher = new FieldCipher(existing);
  if (stored !== undefined) {
    if (stored !== cipher.checkValue) throw mismatch(source);
    return cipher;
  }
  // A database from before check values existed: the key must still open what it wrote.
  const sample = await repo.someCipher();
  if (sample !== undefined && !opens(cipher, sample)) throw mismatch(source);
  return remember(repo, cipher);
}

async function remember(repo: InstanceRepository, cipher: FieldCipher): Promise<FieldCipher> {
  // Two processes starting on a new database at once: the second compares with the first's value.
  const stored = await repo.settingOnce(checkValueSetting, cipher.checkValue);
  if (stored !== cipher.checkValue)
    throw new StartupRefused("another process started with a different field-encryption key");
  return cipher;
}

function opens(cipher: FieldCipher, token: string): boolean {
  try {
    cipher.decrypt(token);
    return true;
  } catch {
    return false;
  }
}

function mismatch(source: { key?: string; keyFile: string }): StartupRefused {
  const from = source.key ? "LUOSHU_SM4_KEY" : source.keyFile;
  return new StartupRefused(
    `字段加密密钥（${from}）与数据库不匹配：它不是写入这些数据的密钥。请使用与该数据库备份配套的密钥；服务未启动。\n` +
      `The field-encryption key (${from}) does not match this database: it is not the key that wrote its data. Use the key that belongs to this database's backup; the server did not start.`,
  );
}

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** SM3 (GB/T 32905) and SM4 (GB/T 32907) from Node's OpenSSL; no extra dependency needed. */
export function sm3(data: string | Buffer): string {
  return crypto.createHash("sm3").update(data).digest("hex");
}

export function hmacSm3(key: Buffer, data: string): string {
  return crypto.createHmac("sm3", key).update(data).digest("hex");
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

/**
 * Field encryption for personal data: SM4-CBC with a random IV, then HMAC-SM3 over IV and
 * ciphertext (encrypt-then-MAC), since OpenSSL offers no SM4 AEAD mode. Two sub-keys are derived
 * from the one master key so the cipher key and the MAC key differ.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  private readonly digestKey: Buffer;
  private readonly signKey: Buffer;
  /**
   * Stored in the database at first start (instance_settings): a key that gives another value is
   * not this database's key, whatever file it came from (lib/key-check.ts).
   */
  readonly checkValue: string;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 16) throw new Error("SM4 key must be 16 bytes (32 hex characters)");
    const derive = (label: string) => crypto.createHmac("sm3", masterKey).update(label).digest();
    this.encKey = derive("luoshu/enc").subarray(0, 16);
    this.macKey = derive("luoshu/mac");
    this.digestKey = derive("luoshu/digest");
    this.signKey = derive("luoshu/audit-signature");
    this.checkValue = hmacSm3(derive("luoshu/key-check"), "luoshu key check value v1");
  }

  /** The writer's signature of an audit record: the database holds no key to forge one. */
  sign(data: string): string {
    return hmacSm3(this.signKey, data);
  }

  encrypt(plain: string): string {
    const iv = crypto.randomBytes(16);
    const c = crypto.createCipheriv("sm4-cbc", this.encKey, iv);
    const body = Buffer.concat([iv, c.update(plain, "utf8"), c.final()]);
    const mac = crypto.createHmac("sm3", this.macKey).update(body).digest();
    return `v1.${Buffer.concat([body, mac]).toString("base64url")}`;
  }

  decrypt(token: string): string {
    const raw = Buffer.from(token.replace(/^v1\./, ""), "base64url");
    const body = raw.subarray(0, raw.length - 32);
    const mac = raw.subarray(raw.length - 32);
    const expected = crypto.createHmac("sm3", this.macKey).update(body).digest();
    if (!crypto.timingSafeEqual(mac, expected))
      throw new Error("field ciphertext failed its integrity check");
    const d = crypto.createDecipheriv("sm4-cbc", this.encKey, body.subarray(0, 16));
    return Buffer.concat([d.update(body.subarray(16)), d.final()]).toString("utf8");
  }

  /** Deterministic keyed digest, for finding equal values without decrypting. */
  digest(plain: string): string {
    return hmacSm3(this.digestKey, plain);
  }
}

/** The key from LUOSHU_SM4_KEY or the key file, or undefined when neither is there. */
export function readMasterKey(opts: { key?: string; keyFile: string }): Buffer | undefined {
  if (opts.key) return parseKey(opts.key, "LUOSHU_SM4_KEY");
  if (fs.existsSync(opts.keyFile))
    return parseKey(fs.readFileSync(opts.keyFile, "utf8").trim(), opts.keyFile);
  return undefined;
}

/** A new random key in a new file readable by its owner only; never overwrites a file. */
export function createMasterKeyFile(keyFile: string): Buffer {
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(16);
  fs.writeFileSync(keyFile, key.toString("hex"), { mode: 0o600, flag: "wx" });
  return key;
}

function parseKey(hex: string, from: string): Buffer {
  if (!/^[0-9a-fA-F]{32}$/.test(hex))
    throw new Error(`${from}: the SM4 key must be 32 hexadecimal characters`);
  return Buffer.from(hex, "hex");
}

import path from "node:path";

/** Everything the server reads from the environment, read once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Connections per process to the PostgreSQL server; more than the server's cores only queue there. */
  databasePoolSize: number;
  dataDir: string;
  /** The attachment store: part of every backup, beside the database and the key. */
  filesDir: string;
  /** The audit chain's signed head outside the database: back it up apart from the database. */
  auditAnchorFile: string;
  production: boolean;
  /** Responses checked against their schemas: in development and tests, not in production or benchmarks. */
  checkResponses: boolean;
  /** Secure cookies need HTTPS; off only in development and tests. */
  secureCookies: boolean;
  keyFile: string;
  key: string | undefined;
  policiesDir: string;
  webDist: string;
  /**
   * A browser test moves the server's clock forward (a notice period, a deadline) through
   * `POST /api/test-clock/advance`; refused in production.
   */
  testClock: boolean;
}

const root = path.resolve(import.meta.dirname, "../../..");

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === "production";
  const home = env.HOME ?? root;
  const dataDir = path.resolve(env.LUOSHU_DATA_DIR ?? path.join(root, ".data"));
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: Number(env.LUOSHU_DB_POOL_SIZE ?? 10),
    dataDir,
    filesDir: path.resolve(env.LUOSHU_FILES_DIR ?? path.join(dataDir, "files")),
    auditAnchorFile: path.resolve(env.LUOSHU_AUDIT_ANCHOR ?? path.join(dataDir, "audit-anchor.json")),
    production,
    checkResponses: env.LUOSHU_CHECK_RESPONSES
      ? env.LUOSHU_CHECK_RESPONSES === "1"
      : !production && env.NODE_ENV !== "benchmark",
    secureCookies: production || env.LUOSHU_SECURE_COOKIES === "1",
    keyFile: env.LUOSHU_KEY_FILE ?? path.join(home, ".config", "luoshu", "sm4.key"),
    key: env.LUOSHU_SM4_KEY || undefined,
    policiesDir: path.resolve(env.LUOSHU_POLICIES_DIR ?? path.join(root, "policies")),
    webDist: path.join(root, "packages", "web", "dist"),
    testClock: testClockWanted(env, production),
  };
}

function testClockWanted(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const wanted = env.LUOSHU_TEST_CLOCK === "1";
  if (wanted && production)
    throw new Error("LUOSHU_TEST_CLOCK=1 is for browser tests; it is refused in production");
  return wanted;
}

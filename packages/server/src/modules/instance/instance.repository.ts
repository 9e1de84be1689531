import { count, eq, isNotNull, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.ts";
import { instanceSettings, users } from "../../db/schema/index.ts";

/** Facts about the installation as a whole, read before any request is served. */
export function instanceRepository(db: Db) {
  return {
    async setting(name: string): Promise<string | undefined> {
      const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.name, name));
      return row?.value;
    },

    /** Writes the value unless one is there already, and returns the one that is stored. */
    async settingOnce(name: string, value: string): Promise<string> {
      await db.insert(instanceSettings).values({ name, value }).onConflictDoNothing();
      const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.name, name));
      if (!row) throw new Error(`setting ${name} vanished`);
      return row.value;
    },

    /** Any account at all: a database with one is not new, whatever else it lacks. */
    async hasAccounts(): Promise<boolean> {
      const [row] = await db.select({ n: count() }).from(users);
      return (row?.n ?? 0) > 0;
    },

    /** One stored resident-ID cipher, to test a key against data written before check values existed. */
    async someCipher(): Promise<string | undefined> {
      const [row] = await db
        .select({ cipher: users.idNumberCipher })
        .from(users)
        .where(isNotNull(users.idNumberCipher))
        .limit(1);
      return row?.cipher ?? undefined;
    },

    /** Every file hash a row refers to: current attachments and those frozen in submitted revisions. */
    async referencedFiles(): Promise<{ sha256: string; place: string }[]> {
      const res = await db.execute(sql`
        select sha256, min(place) as place from (
          select a.sha256, 'attachments ' || a.city_id || '/' || a.application_id || ' ' || a.code as place
            from attachments a
          union all
          select f->>'sha256', 'application_revisions ' || r.city_id || '/' || r.application_id || ' r' || r.revision
            from application_revisions r, jsonb_array_elements(r.content->'attachments') f
        ) refs group by sha256 order by sha256`);
      return rowsOf<{ sha256: string; place: string }>(res);
    },
  };
}
export type InstanceRepository = ReturnType<typeof instanceRepository>;

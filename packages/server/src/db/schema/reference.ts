import { pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** A city is a tenant; every tenant row carries its city_id and the key leads with it. */
export const cities = pgTable("cities", {
  id: text("id").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  divisionCode: text("division_code").notNull(),
});

export const districts = pgTable(
  "districts",
  {
    cityId: text("city_id")
      .notNull()
      .references(() => cities.id),
    /** Administrative division code (GB/T 2260). */
    code: text("code").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.code] })],
);

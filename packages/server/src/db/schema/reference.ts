import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

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

/** Facts about this installation, such as the check value that ties the field-encryption key to the data. */
export const instanceSettings = pgTable("instance_settings", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The last application number given per city, year and program: numbers are sequential and never reused. */
export const applicationNumberCounters = pgTable(
  "application_number_counters",
  {
    cityId: text("city_id")
      .notNull()
      .references(() => cities.id),
    year: integer("year").notNull(),
    program: text("program").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.year, t.program] })],
);

import type { UnitKind } from "@luoshu/domain";
import { foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { cities, districts } from "./reference.ts";

export const units = pgTable(
  "units",
  {
    cityId: text("city_id")
      .notNull()
      .references(() => cities.id),
    id: uuid("id").notNull().defaultRandom(),
    uscc: text("uscc").notNull(),
    nameZh: text("name_zh").notNull(),
    kind: text("kind").$type<UnitKind>().notNull(),
    districtCode: text("district_code").notNull(),
    legalRepresentative: text("legal_representative").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    unique("units_city_uscc").on(t.cityId, t.uscc),
    foreignKey({ columns: [t.cityId, t.districtCode], foreignColumns: [districts.cityId, districts.code] }),
    index("units_city_district").on(t.cityId, t.districtCode),
  ],
);

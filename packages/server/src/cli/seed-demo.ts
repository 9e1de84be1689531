import { demoPassword, demoUsernames } from "../db/seed/demo-data.ts";
import { seedDemo } from "../db/seed/seed-demo.ts";
import { systemClock } from "../lib/clock.ts";
import { openRuntime } from "../runtime.ts";

const { database, cipher } = await openRuntime();
try {
  const { created } = await seedDemo(database.db, cipher, systemClock.now());
  console.log(
    created
      ? "演示数据已创建 / demo data created"
      : "演示数据已存在，未改动 / demo data already present, nothing changed",
  );
  console.log(`demo logins (password ${demoPassword}): ${demoUsernames.join(", ")}`);
} finally {
  await database.close();
}

import { formatYuan } from "@luoshu/domain";
import { executionRepository } from "../modules/execution/execution.repository.ts";
import { checkLedger } from "../modules/ledger/check-ledger.ts";
import { ledgerRepository } from "../modules/ledger/ledger.repository.ts";
import { projectLifeRepository } from "../modules/project-life/project-life.repository.ts";
import { openRuntime } from "../runtime.ts";

/** Exit 0 when every city's ledger keeps every invariant, 1 naming each finding. */
let runtime: Awaited<ReturnType<typeof openRuntime>>;
try {
  runtime = await openRuntime();
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const { db } = runtime.database;
try {
  const reports = await checkLedger({
    ledger: ledgerRepository(db),
    execution: executionRepository(db),
    projectLife: projectLifeRepository(db),
  });
  for (const r of reports) {
    console.log(`${r.cityId}: ${r.postings} postings`);
    for (const y of r.years) {
      console.log(
        `  ${y.year}: approved ${formatYuan(y.approvedFen)}, committed ${formatYuan(y.committedFen)}, paid ${formatYuan(y.paidFen)}, returned ${formatYuan(y.returnedFen)}, available ${formatYuan(y.availableFen)}`,
      );
    }
    for (const f of r.findings) console.error(`  ✗ ${f.rule}: ${f.detail}`);
  }
  const findings = reports.reduce((s, r) => s + r.findings.length, 0);
  if (findings === 0) console.log("资金台账平衡，全部规则成立 / the ledger balances and keeps every rule");
  else {
    console.error(`资金台账有 ${findings} 处问题 / ${findings} findings`);
    process.exitCode = 1;
  }
} finally {
  await runtime.database.close();
}

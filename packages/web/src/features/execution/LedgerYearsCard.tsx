import { DownloadOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Col,
  Progress,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { lazy, Suspense, useState } from "react";
import { type LedgerYear, ledgerExportUrl } from "../../api/execution";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { wan } from "../../components/money";
import { useLedgerYears } from "./hooks";

/** The share of a year's budget as a whole percent, for the bars. */
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** ECharts comes in its own chunk, after the figures: the page does not wait for the chart. */
const LedgerChart = lazy(() => import("./LedgerChart"));

/**
 * 资金台账: each budget year's figures from the ledger — the budget finance appropriated (the control
 * number), what signed task books committed, what was paid, returned, and what is still available —
 * the newest year as figures, every year as a row with its committed and paid shares.
 */
export function LedgerYearsCard() {
  const { lang, t } = useLocale();
  const years = useLedgerYears(true);
  const rows = years.data ?? [];
  const newest = rows[0];
  // the year to export; null: every year
  const [exportYear, setExportYear] = useState<number | null>(null);

  const bar = (part: number, whole: number, label: string) => (
    <Progress percent={percent(part, whole)} size="small" style={{ minWidth: 120 }} aria-label={label} />
  );
  const columns: TableColumnsType<LedgerYear> = [
    { title: t("年度", "Year"), dataIndex: "year" },
    {
      title: t("年度预算", "Budget"),
      dataIndex: "approvedFen",
      align: "right",
      render: (f: number) => wan(f, lang),
    },
    {
      title: t("已承诺", "Committed"),
      dataIndex: "committedFen",
      align: "right",
      render: (f: number, y) => <span data-testid={`ledger-${y.year}-committed`}>{wan(f, lang)}</span>,
    },
    {
      title: t("已拨付", "Paid"),
      dataIndex: "paidFen",
      align: "right",
      render: (f: number, y) => <span data-testid={`ledger-${y.year}-paid`}>{wan(f, lang)}</span>,
    },
    {
      title: t("已收回", "Returned"),
      dataIndex: "returnedFen",
      align: "right",
      render: (f: number) => wan(f, lang),
    },
    {
      title: t("可用余额", "Available"),
      dataIndex: "availableFen",
      align: "right",
      render: (f: number, y) => <span data-testid={`ledger-${y.year}-available`}>{wan(f, lang)}</span>,
    },
    {
      title: t("承诺占预算", "Committed share"),
      key: "committedShare",
      render: (_, y) =>
        bar(y.committedFen, y.approvedFen, t(`${y.year} 年承诺占预算`, `${y.year} committed share`)),
    },
    {
      title: t("拨付占预算", "Paid share"),
      key: "paidShare",
      render: (_, y) => bar(y.paidFen, y.approvedFen, t(`${y.year} 年拨付占预算`, `${y.year} paid share`)),
    },
  ];

  return (
    <Card
      size="small"
      title={t("资金台账（按预算年度）", "Ledger by budget year")}
      data-testid="ledger-years"
      extra={
        <Space wrap size="small">
          <Select<number | null>
            size="small"
            style={{ width: 120 }}
            aria-label={t("导出年度", "Year to export")}
            value={exportYear}
            onChange={setExportYear}
            options={[
              { value: null, label: t("全部年度", "All years") },
              ...rows.map((y) => ({ value: y.year, label: t(`${y.year} 年`, String(y.year)) })),
            ]}
            data-testid="ledger-export-year"
          />
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={ledgerExportUrl(exportYear)}
            download
            data-testid="ledger-export"
          >
            {t("导出资金台账（Excel）", "Export the ledger (Excel)")}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={years.error} style={{ marginBottom: 12 }} />
      {newest && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="ledger-newest">
          {(
            [
              [t(`${newest.year} 年度预算`, `${newest.year} budget`), newest.approvedFen],
              [t("已承诺", "Committed"), newest.committedFen],
              [t("已拨付", "Paid"), newest.paidFen],
              [t("可用余额", "Available"), newest.availableFen],
            ] as const
          ).map(([title, fen]) => (
            <Col key={title} xs={12} md={6}>
              <Statistic title={title} value={wan(fen, lang)} valueStyle={{ fontSize: 20 }} />
            </Col>
          ))}
        </Row>
      )}
      {rows.length > 0 && (
        <div style={{ marginBottom: 16 }} data-testid="ledger-chart">
          <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: 260 }} />}>
            <LedgerChart years={rows} />
          </Suspense>
        </div>
      )}
      <Table<LedgerYear>
        rowKey="year"
        size="small"
        data-testid="ledger-years-table"
        columns={columns}
        dataSource={rows}
        loading={years.isFetching}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: t(
            "台账尚无记录：财政局录入年度预算控制数后生成",
            "Nothing yet: the ledger starts with a control number",
          ),
        }}
      />
      <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0", fontSize: 12 }}>
        {t(
          "年度预算为市财政局录入的预算控制数；任务书签订时立项资金计入“已承诺”，登记拨付后计入“已拨付”。",
          "The budget is the finance bureau's control number; signing a task book commits the project's money, marking a payment paid adds it to paid.",
        )}
      </Typography.Paragraph>
    </Card>
  );
}

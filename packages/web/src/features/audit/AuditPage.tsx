import { type Role, roleNames } from "@luoshu/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Table, type TableColumnsType, Typography } from "antd";
import type { AuditEntry } from "../../api/audit";
import { fetchAudit } from "../../api/audit";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { usePagedQuery } from "../../components/usePagedQuery";
import { AuditVerify } from "./AuditVerify";

/** The server records the actor's role set as one comma-separated string. */
function roleText(value: string | null, lang: "zh" | "en"): string {
  if (!value) return "—";
  return value
    .split(",")
    .map((r) => {
      const n = roleNames[r as Role];
      return n ? n[lang] : r;
    })
    .join("、");
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <pre style={{ background: "#fafafa", padding: 8, margin: "4px 0 0", maxHeight: 320, overflow: "auto" }}>
        {value === undefined || value === null ? "—" : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

export function AuditPage() {
  const { lang, t } = useLocale();
  const { query, pagination } = usePagedQuery({});
  const audit = useQuery({
    queryKey: ["audit", query.page, query.pageSize],
    queryFn: () => fetchAudit(query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t("序号", "Seq"), dataIndex: "seq", width: 80 },
    { title: t("时间", "Time"), dataIndex: "at", render: (v: string) => formatDateTime(v) },
    { title: t("操作人", "Actor"), dataIndex: "actorUsername", render: (v: string | null) => v ?? "—" },
    { title: t("角色", "Role"), dataIndex: "actorRole", render: (v: string | null) => roleText(v, lang) },
    { title: t("操作", "Action"), dataIndex: "action", render: (v: string) => <code>{v}</code> },
    { title: t("对象类型", "Entity"), dataIndex: "entityType" },
    {
      title: t("对象标识", "Entity id"),
      dataIndex: "entityId",
      // uuids are long and rarely read whole: the start identifies, the tooltip gives the rest
      render: (v: string | null) =>
        v ? (
          <Typography.Text title={v} copyable={{ text: v }}>
            {v.length > 12 ? `${v.slice(0, 8)}…` : v}
          </Typography.Text>
        ) : (
          "—"
        ),
    },
    { title: "IP", dataIndex: "ip", render: (v: string | null) => v ?? "—" },
    {
      title: t("哈希", "Hash"),
      dataIndex: "hash",
      // null until the sealer has chained the record, moments after its commit
      render: (v: string | null) =>
        v ? (
          <Typography.Text code title={v}>
            {v.slice(0, 12)}
          </Typography.Text>
        ) : (
          "—"
        ),
    },
  ];

  return (
    <div data-testid="page-audit">
      <PageHeader title={t("审计日志", "Audit log")} />
      <AuditVerify />
      <ErrorAlert error={audit.error} style={{ marginBottom: 16 }} />
      <Table<AuditEntry>
        rowKey="seq"
        data-testid="audit-table"
        size="small"
        columns={columns}
        dataSource={audit.data?.items}
        loading={audit.isFetching}
        scroll={{ x: "max-content" }}
        expandable={{
          expandedRowRender: (e) => (
            <div style={{ display: "flex", gap: 16 }}>
              <Json label={t("变更前", "Before")} value={e.before} />
              <Json label={t("变更后", "After")} value={e.after} />
            </div>
          ),
        }}
        pagination={pagination(audit.data?.total)}
      />
    </div>
  );
}

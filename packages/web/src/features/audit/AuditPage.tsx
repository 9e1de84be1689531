import { DownloadOutlined } from "@ant-design/icons";
import {
  auditActionLabel,
  auditActionLabels,
  auditEntityLabel,
  auditEntityLabels,
  type Role,
  roleNames,
} from "@luoshu/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, DatePicker, Input, Space, Table, type TableColumnsType, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import type { AuditEntry, AuditFilter } from "../../api/audit";
import { auditExportUrl, fetchAudit } from "../../api/audit";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { FilterSelect } from "../../components/Select";
import { formatDateTime } from "../../components/time";
import { usePagedQuery } from "../../components/usePagedQuery";
import { instantOf, pickerValueOf } from "../guides/callTime";
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
  // The workspace's tile links here with the time range it counts (`?from=`).
  const [params] = useSearchParams();
  const { query, filters, setFilters, pagination } = usePagedQuery<AuditFilter>(
    Object.fromEntries(
      (["actor", "action", "entityType", "from", "to"] as const).flatMap((k) => {
        const v = params.get(k);
        return v ? [[k, v]] : [];
      }),
    ),
  );
  const audit = useQuery({
    queryKey: ["audit", query],
    queryFn: () => fetchAudit(query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t("序号", "Seq"), dataIndex: "seq", width: 80 },
    { title: t("时间", "Time"), dataIndex: "at", render: (v: string) => formatDateTime(v) },
    { title: t("操作人", "Actor"), dataIndex: "actorUsername", render: (v: string | null) => v ?? "—" },
    { title: t("角色", "Role"), dataIndex: "actorRole", render: (v: string | null) => roleText(v, lang) },
    {
      title: t("操作", "Action"),
      dataIndex: "action",
      render: (v: string) => <span title={v}>{auditActionLabel(v)[lang]}</span>,
    },
    {
      title: t("对象类型", "Entity"),
      dataIndex: "entityType",
      render: (v: string) => <span title={v}>{auditEntityLabel(v)[lang]}</span>,
    },
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
      <Space wrap style={{ marginBottom: 16 }} data-testid="audit-filters">
        <Input.Search
          allowClear
          aria-label={t("操作人（用户名）", "Actor (username)")}
          placeholder={t("操作人（用户名）", "Actor (username)")}
          defaultValue={filters.actor}
          onSearch={(v) => setFilters({ actor: v.trim() || undefined })}
          style={{ width: 200 }}
          data-testid="audit-filter-actor"
        />
        <FilterSelect<string>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t("操作", "Action")}
          value={filters.action}
          onChange={(v) => setFilters({ action: v })}
          options={Object.keys(auditActionLabels).map((a) => ({
            value: a,
            label: auditActionLabel(a)[lang],
          }))}
          style={{ width: 220 }}
          data-testid="audit-filter-action"
        />
        <FilterSelect<string>
          allowClear
          placeholder={t("对象类型", "Entity")}
          value={filters.entityType}
          onChange={(v) => setFilters({ entityType: v })}
          options={Object.keys(auditEntityLabels).map((e) => ({
            value: e,
            label: auditEntityLabel(e)[lang],
          }))}
          style={{ width: 160 }}
          data-testid="audit-filter-entity"
        />
        <DatePicker.RangePicker
          showTime={{ format: "HH:mm" }}
          format="YYYY-MM-DD HH:mm"
          placeholder={[t("起始时间（北京时间）", "From (Beijing time)"), t("截止时间", "To")]}
          value={[pickerValueOf(filters.from) ?? null, pickerValueOf(filters.to) ?? null]}
          allowEmpty={[true, true]}
          onChange={(range) =>
            setFilters({
              from: range?.[0] ? instantOf(range[0]) : undefined,
              to: range?.[1] ? instantOf(range[1]) : undefined,
            })
          }
          data-testid="audit-filter-time"
        />
        <Button icon={<DownloadOutlined />} href={auditExportUrl(filters)} data-testid="audit-export">
          {t("导出 Excel", "Export .xlsx")}
        </Button>
      </Space>
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

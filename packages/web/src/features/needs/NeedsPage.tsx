import { type NeedState, needMachine, needStates } from "@luoshu/domain";
import { Button, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import type { Need } from "../../api/needs";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { wan } from "../../components/money";
import { PageHeader } from "../../components/PageHeader";
import { FilterSelect } from "../../components/Select";
import { formatDateTime } from "../../components/time";
import { usePagedQuery } from "../../components/usePagedQuery";
import { capitalized } from "../applications/labels";
import { useCurrentUser } from "../auth/session";
import { useNeeds } from "./hooks";
import { TriageModal } from "./TriageModal";

const statusColors: Record<NeedState, string> = {
  submitted: "processing",
  accepted: "green",
  merged: "cyan",
  rejected: "default",
};

/** 需求征集: needs collected publicly, triaged by the program officer into the list guides cite. */
export function NeedsPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { query, filters, setFilters, pagination } = usePagedQuery<{ status?: NeedState }>({
    status: "submitted",
  });
  const needs = useNeeds(query);
  const [triaging, setTriaging] = useState<Need | null>(null);
  const canTriage = me.permissions.includes("need.triage");
  const titleOf = (id: string | null) => needs.data?.items.find((n) => n.id === id)?.title ?? id?.slice(0, 8);

  const columns: TableColumnsType<Need> = [
    { title: t("需求名称", "Title"), dataIndex: "title" },
    { title: t("领域", "Field"), dataIndex: "field" },
    { title: t("提出人", "Submitted by"), dataIndex: "submitterName" },
    {
      title: t("拟投入配套资金", "Co-funding offered"),
      dataIndex: "coFundingFen",
      render: (f: number) => wan(f, lang),
    },
    {
      title: t("状态", "Status"),
      dataIndex: "status",
      render: (s: NeedState, n) => (
        <Space direction="vertical" size={0}>
          <Tag color={statusColors[s]}>
            {needMachine.labels[s] ? capitalized(needMachine.labels[s][lang]) : n.statusZh}
          </Tag>
          {n.mergedInto && (
            <Typography.Text type="secondary">
              {t(`并入：${titleOf(n.mergedInto)}`, `into: ${titleOf(n.mergedInto)}`)}
            </Typography.Text>
          )}
          {n.decisionReason && <Typography.Text type="secondary">{n.decisionReason}</Typography.Text>}
        </Space>
      ),
    },
    { title: t("提交时间", "Submitted"), dataIndex: "createdAt", render: (v: string) => formatDateTime(v) },
  ];
  if (canTriage) {
    columns.push({
      title: t("操作", "Actions"),
      key: "actions",
      render: (_, n) =>
        n.status === "submitted" ? (
          <Button size="small" type="link" onClick={() => setTriaging(n)} data-testid={`need-triage-${n.id}`}>
            {t("分拣", "Triage")}
          </Button>
        ) : null,
    });
  }

  return (
    <div data-testid="page-needs">
      <PageHeader title={t("需求征集", "Needs collection")} />
      <Space wrap style={{ marginBottom: 16 }}>
        <FilterSelect<NeedState>
          allowClear
          placeholder={t("全部状态", "Any status")}
          style={{ width: 180 }}
          value={filters.status}
          onChange={(status) => setFilters({ status })}
          options={needStates.map((s) => ({ value: s, label: capitalized(needMachine.labels[s][lang]) }))}
          data-testid="needs-status"
        />
      </Space>
      <ErrorAlert error={needs.error} style={{ marginBottom: 16 }} />
      <Table<Need>
        rowKey="id"
        data-testid="needs-table"
        columns={columns}
        dataSource={needs.data?.items}
        loading={needs.isFetching}
        scroll={{ x: "max-content" }}
        pagination={pagination(needs.data?.total)}
        expandable={{
          expandedRowRender: (n) => (
            <div style={{ whiteSpace: "pre-wrap" }}>
              <Typography.Text strong>{t("技术难题：", "Problem: ")}</Typography.Text>
              {n.problem}
              {n.expectedIndicators && (
                <div>
                  <Typography.Text strong>{t("预期指标：", "Expected indicators: ")}</Typography.Text>
                  {n.expectedIndicators}
                </div>
              )}
            </div>
          ),
        }}
      />
      <TriageModal need={triaging} onClose={() => setTriaging(null)} />
    </div>
  );
}

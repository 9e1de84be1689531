import { integrityKindNames } from "@luoshu/domain";
import { Button, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import type { IntegrityRecord } from "../../api/integrity";
import { useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { useCurrentUser } from "../auth/session";
import { useIntegrityRecords } from "./hooks";
import { IntegrityFormModal } from "./IntegrityFormModal";

/** 科研诚信记录: sanctions of units and people; bans and blacklistings stop applications while in force. */
export function IntegrityPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const records = useIntegrityRecords();
  const [adding, setAdding] = useState(false);

  const columns: TableColumnsType<IntegrityRecord> = [
    {
      title: t("对象", "Subject"),
      key: "subject",
      render: (_, r) =>
        r.subject === "unit" ? (
          r.unitNameZh
        ) : (
          <>
            {r.personName} <Typography.Text type="secondary">{t("（个人）", "(person)")}</Typography.Text>
          </>
        ),
    },
    {
      title: t("类别", "Kind"),
      dataIndex: "kind",
      render: (k: IntegrityRecord["kind"]) => integrityKindNames[k][lang],
    },
    {
      title: t("期间", "Period"),
      key: "period",
      render: (_, r) => `${r.fromDate} ～ ${r.untilDate ?? t("长期", "no end")}`,
    },
    {
      title: t("状态", "Status"),
      key: "status",
      render: (_, r) =>
        r.blocksApplications ? (
          <Tag color="red">{t("生效中 · 不得申报", "In force · no applications")}</Tag>
        ) : r.inForce ? (
          <Tag color="orange">{t("生效中", "In force")}</Tag>
        ) : (
          <Tag>{t("不在期内", "Not in force")}</Tag>
        ),
    },
    { title: t("事由", "Reason"), dataIndex: "reason" },
    { title: t("依据", "Clause"), dataIndex: "clause", render: (c: string) => <ClauseTag clause={c} /> },
    { title: t("登记时间", "Recorded"), dataIndex: "createdAt", render: (v: string) => formatDateTime(v) },
  ];

  return (
    <div data-testid="page-integrity">
      <PageHeader
        title={t("科研诚信记录", "Integrity records")}
        extra={
          me.permissions.includes("integrity.manage") && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="integrity-add">
              {t("登记", "New record")}
            </Button>
          )
        }
      />
      <ErrorAlert error={records.error} style={{ marginBottom: 16 }} />
      <Table<IntegrityRecord>
        rowKey="id"
        data-testid="integrity-table"
        columns={columns}
        dataSource={records.data}
        loading={records.isFetching}
        scroll={{ x: "max-content" }}
      />
      <IntegrityFormModal open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}

import { integrityKindNames } from "@luoshu/domain";
import { Button, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import type { IntegrityRecord } from "../../api/integrity";
import { useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDate, formatDateTime } from "../../components/time";
import { useCurrentUser } from "../auth/session";
import { useIntegrityRecords } from "./hooks";
import { IntegrityFormModal } from "./IntegrityFormModal";
import { LiftIntegrityModal } from "./LiftIntegrityModal";

/**
 * 科研诚信记录: sanctions of units and people; bans and blacklistings stop applications while in force.
 * Whoever manages the records may lift one in force by a recorded decision (解除); it stays, marked lifted.
 */
export function IntegrityPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const records = useIntegrityRecords();
  const [adding, setAdding] = useState(false);
  const [lifting, setLifting] = useState<IntegrityRecord | null>(null);
  const mayManage = me.permissions.includes("integrity.manage");

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
        r.lifted ? (
          <Space direction="vertical" size={0} data-testid="integrity-lifted">
            <Tag>{t(`已解除 ${formatDate(r.lifted.at)}`, `Lifted ${formatDate(r.lifted.at)}`)}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "pre-wrap" }}>
              {r.lifted.reason}
            </Typography.Text>
          </Space>
        ) : r.blocksApplications ? (
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
    ...(mayManage
      ? [
          {
            title: t("操作", "Actions"),
            key: "actions",
            render: (_: unknown, r: IntegrityRecord) =>
              r.inForce && !r.lifted ? (
                <Button size="small" danger onClick={() => setLifting(r)} data-testid="integrity-lift">
                  {t("解除", "Lift")}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div data-testid="page-integrity">
      <PageHeader
        title={t("科研诚信记录", "Integrity records")}
        extra={
          mayManage && (
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
      <LiftIntegrityModal record={lifting} onClose={() => setLifting(null)} />
    </div>
  );
}

import { Button, Card, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import type { Objection, ProposedList } from "../../api/decisions";
import { pickLang, useLocale } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import { HandleObjectionModal } from "./HandleObjectionModal";
import { objectionStatusColors, objectionStatusNames } from "./labels";

/** 异议: what the public raised during the notice, and the officer's finding on each. */
export function ObjectionsCard({ list }: { list: ProposedList }) {
  const { lang, t } = useLocale();
  const [handling, setHandling] = useState<Objection | null>(null);
  if (list.objections.length === 0 && !list.notice) return null;
  const mayHandle = list.allowedActions.includes("handleObjection");

  const columns: TableColumnsType<Objection> = [
    { title: t("异议项目", "Project"), dataIndex: "title" },
    { title: t("提出人", "Raised by"), dataIndex: "name" },
    { title: t("联系方式", "Contact"), dataIndex: "contact" },
    {
      title: t("异议内容", "Objection"),
      dataIndex: "content",
      render: (c: string) => (
        <Typography.Paragraph style={{ margin: 0, maxWidth: 360, whiteSpace: "pre-wrap" }}>
          {c}
        </Typography.Paragraph>
      ),
    },
    { title: t("收到时间", "Received"), dataIndex: "receivedAt", render: (v: string) => formatDateTime(v) },
    {
      title: t("状态", "Status"),
      dataIndex: "status",
      render: (s: Objection["status"]) => (
        <Tag color={objectionStatusColors[s]}>
          {pickLang(lang, objectionStatusNames[s].zh, objectionStatusNames[s].en)}
        </Tag>
      ),
    },
    {
      title: t("处理意见", "Finding"),
      key: "outcome",
      render: (_, o) =>
        o.outcome ? (
          <span>
            {o.outcome}
            <Typography.Text type="secondary"> {formatDateTime(o.handledAt)}</Typography.Text>
          </span>
        ) : (
          "—"
        ),
    },
    ...(mayHandle
      ? [
          {
            title: t("操作", "Action"),
            key: "action",
            render: (_: unknown, o: Objection) =>
              o.status === "open" && (
                <Button size="small" onClick={() => setHandling(o)} data-testid={`objection-handle-${o.id}`}>
                  {t("处理", "Handle")}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card size="small" title={t("公示异议", "Objections")} data-testid="list-objections">
      <Table<Objection>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.objections}
        scroll={{ x: "max-content" }}
        pagination={false}
        locale={{ emptyText: t("公示期间未收到异议", "No objection received") }}
      />
      <HandleObjectionModal list={list} objection={handling} onClose={() => setHandling(null)} />
    </Card>
  );
}

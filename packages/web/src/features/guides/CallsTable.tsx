import { Table, Tag } from "antd";
import type { ReactNode } from "react";
import type { GuideCall } from "../../api/guides";
import { useLocale } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import { callWindowColors, callWindowNames } from "./labels";

/** The calls of a guide with their windows, in Beijing time; `action` adds a last column (e.g. "apply"). */
export function CallsTable({
  calls,
  action,
  testId = "guide-calls",
}: {
  calls: GuideCall[];
  action?: (call: GuideCall) => ReactNode;
  testId?: string;
}) {
  const { lang, t } = useLocale();
  return (
    <Table<GuideCall>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={calls}
      data-testid={testId}
      columns={[
        { title: t("批次", "Call"), dataIndex: "nameZh" },
        {
          title: t("开始时间（北京时间）", "Opens (Beijing time)"),
          dataIndex: "opensAt",
          render: (v: string) => formatDateTime(v),
        },
        {
          title: t("截止时间（北京时间）", "Closes (Beijing time)"),
          dataIndex: "closesAt",
          render: (v: string) => formatDateTime(v),
        },
        {
          title: t("状态", "Window"),
          dataIndex: "window",
          render: (w: GuideCall["window"], call) => (
            <Tag color={callWindowColors[w]} data-testid={`call-window-${call.id}`}>
              {callWindowNames[w]?.[lang] ?? w}
            </Tag>
          ),
        },
        ...(action
          ? [{ title: t("操作", "Actions"), key: "action", render: (_: unknown, c: GuideCall) => action(c) }]
          : []),
      ]}
    />
  );
}

import { Button, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import type { Change, ChangeEvent } from "../../api/projectLife";
import { useLocale } from "../../app/locale";
import { byAt } from "../execution/labels";
import { Citation } from "../reviews/HorseRaceModal";
import { changeSummary } from "./changeText";
import {
  changeEventNames,
  changeKindNames,
  changeStatusColors,
  changeStatusNames,
  deciderNames,
} from "./labels";

/**
 * The project's changes, newest first: what each changes (before → after), why, who decides it by
 * the city's rules with the clause, its status, who asked and who decided when, with the decision's
 * note; 批准 / 不予批准 where the caller decides one waiting.
 */
export function ChangesTable({
  changes,
  name,
  onDecide,
}: {
  changes: readonly Change[];
  name: (code: string) => string;
  onDecide: (change: Change, event: ChangeEvent) => void;
}) {
  const { lang, t } = useLocale();
  const small = { fontSize: 12 } as const;
  const columns: TableColumnsType<Change> = [
    {
      title: t("变更事项", "Change"),
      key: "kind",
      width: 150,
      render: (_, c) => (
        <Space direction="vertical" size={4}>
          <Typography.Text strong>{changeKindNames[c.kind][lang]}</Typography.Text>
          <Tag color={changeStatusColors[c.status]} data-testid="change-status">
            {changeStatusNames[c.status][lang]}
          </Tag>
        </Space>
      ),
    },
    {
      title: t("变更内容及理由", "What and why"),
      key: "what",
      render: (_, c) => (
        <Space direction="vertical" size={2}>
          <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="change-summary">
            {changeSummary(c, name, t).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <Typography.Text type="secondary" style={{ ...small, whiteSpace: "pre-wrap" }}>
            {t(`理由：${c.reason}`, `Reason: ${c.reason}`)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t("决定", "Decision"),
      key: "decider",
      width: 260,
      render: (_, c) => (
        <Space direction="vertical" size={2}>
          <Space size={4} wrap data-testid="change-decider-rule">
            <span>{deciderNames[c.decider][lang]}</span>
            <Citation source={c.source} />
          </Space>
          <Typography.Text type="secondary" style={small}>
            {t(
              `${c.status === "recorded" ? "决定并备案" : "申请"}：${byAt(c.requested)}`,
              `${c.status === "recorded" ? "Decided" : "Applied"}: ${byAt(c.requested)}`,
            )}
          </Typography.Text>
          {c.decided && c.status !== "recorded" && (
            <Typography.Text type="secondary" style={small} data-testid="change-decided">
              {t(
                `${changeStatusNames[c.status].zh}：${byAt(c.decided)}`,
                `${changeStatusNames[c.status].en}: ${byAt(c.decided)}`,
              )}
            </Typography.Text>
          )}
          {c.decided?.note && (
            <Typography.Text style={{ ...small, whiteSpace: "pre-wrap" }} data-testid="change-note-text">
              {t(`意见：${c.decided.note}`, `Note: ${c.decided.note}`)}
            </Typography.Text>
          )}
          {c.actions.length > 0 && (
            <Space size={4} wrap>
              {c.actions.map((e) => (
                <Button
                  key={e}
                  size="small"
                  type={e === "approve" ? "primary" : "default"}
                  danger={e === "refuse"}
                  onClick={() => onDecide(c, e)}
                  data-testid={`change-${e}`}
                >
                  {changeEventNames[e][lang]}
                </Button>
              ))}
            </Space>
          )}
        </Space>
      ),
    },
  ];
  const sorted = [...changes].sort((a, b) => b.requested.at.localeCompare(a.requested.at));
  return (
    <Table<Change>
      rowKey="id"
      size="small"
      data-testid="changes"
      columns={columns}
      dataSource={sorted}
      pagination={false}
      onRow={(c) => ({ "data-testid": `change-row-${c.kind}` }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t("尚无变更", "No change yet") }}
    />
  );
}

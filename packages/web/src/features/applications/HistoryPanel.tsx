import { type Role, roleNames } from "@luoshu/domain";
import { Card, Empty, Space, Table, Tag, Timeline, Typography } from "antd";
import type { HistoryRevision } from "../../api/applications";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime } from "../../components/time";
import { fieldLabel, valueText } from "./fieldLabels";
import { useHistory } from "./hooks";
import { applicationStatusText, eventText } from "./labels";

function Changes({ revision }: { revision: HistoryRevision }) {
  const { lang, t } = useLocale();
  return (
    <Table
      size="small"
      rowKey="path"
      pagination={false}
      dataSource={revision.changes}
      data-testid={`revision-changes-${revision.revision}`}
      columns={[
        {
          title: t("字段", "Field"),
          dataIndex: "path",
          render: (p: string) => <span title={p}>{fieldLabel(p, lang)}</span>,
        },
        { title: t("修改前", "Before"), key: "before", render: (_, c) => valueText(c.path, c.before) },
        { title: t("修改后", "After"), key: "after", render: (_, c) => valueText(c.path, c.after) },
      ]}
    />
  );
}

/** Every decision with its reason and deadline, and what changed between the submitted revisions. */
export function HistoryPanel({
  applicationId,
  checklistText = {},
}: {
  applicationId: string;
  /** Checklist code → the guide's wording. */
  checklistText?: Record<string, string>;
}) {
  const { lang, t } = useLocale();
  const history = useHistory(applicationId);
  const events = history.data?.events ?? [];
  const revisions = (history.data?.revisions ?? []).filter((r) => r.changes.length > 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="history-panel">
      <ErrorAlert error={history.error} />
      <Card size="small" title={t("办理记录", "Decisions")}>
        {events.length === 0 ? (
          <Empty description={t("尚无办理记录", "Nothing yet")} />
        ) : (
          <Timeline
            items={events.map((e, i) => ({
              key: `${e.at}-${i}`,
              color: /Reject/.test(e.event) ? "red" : /Return/.test(e.event) ? "orange" : "green",
              children: (
                <div data-testid={`history-event-${e.event}`}>
                  <Typography.Text strong>{eventText(e.event, lang)}</Typography.Text>{" "}
                  <Typography.Text type="secondary">
                    {formatDateTime(e.at)} · {t(`第 ${e.revision} 版`, `revision ${e.revision}`)}
                    {e.actorRole && roleNames[e.actorRole as Role]
                      ? ` · ${pickLang(lang, roleNames[e.actorRole as Role].zh, roleNames[e.actorRole as Role].en)}`
                      : ""}
                  </Typography.Text>
                  <div>
                    <Tag>{applicationStatusText(e.fromState, lang)}</Tag>→
                    <Tag>{applicationStatusText(e.toState, lang)}</Tag>
                    {e.details?.rank !== undefined && (
                      <Tag color="blue">{t(`推荐次序 ${e.details.rank}`, `rank ${e.details.rank}`)}</Tag>
                    )}
                    {e.details?.deadline && (
                      <Tag color="orange">
                        {t(
                          `修改期限 ${formatDateTime(e.details.deadline)}`,
                          `revise by ${formatDateTime(e.details.deadline)}`,
                        )}
                      </Tag>
                    )}
                  </div>
                  {e.reason && (
                    <Typography.Paragraph style={{ margin: "4px 0 0" }}>{e.reason}</Typography.Paragraph>
                  )}
                  {e.details?.checklist && (
                    <div>
                      {e.details.checklist.map((c) => (
                        <Tag key={c.code} color={c.ok ? "green" : "red"}>
                          {checklistText[c.code] ?? c.code}
                          {c.note ? `：${c.note}` : ""}
                        </Tag>
                      ))}
                    </div>
                  )}
                </div>
              ),
            }))}
          />
        )}
      </Card>
      {revisions.map((r) => (
        <Card
          key={r.revision}
          size="small"
          title={t(
            `第 ${r.revision} 版相对上一版的修改（${formatDateTime(r.submittedAt)} 提交）`,
            `Changes in revision ${r.revision} (submitted ${formatDateTime(r.submittedAt)})`,
          )}
        >
          <Changes revision={r} />
        </Card>
      ))}
    </Space>
  );
}

import { Button, Card, Descriptions, Space, Table, Tag, Timeline, Typography } from "antd";
import type { FundPush, FundPushEvent } from "../../api/fundPush";
import { pickLang, useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { formatDateTime } from "../../components/time";
import { GuardedButton } from "../reviews/GuardedButton";
import { Citation } from "../reviews/HorseRaceModal";
import {
  decisionName,
  fundActionNames,
  fundActionOrder,
  fundPushStatusColors,
  fundPushStatusNames,
} from "./labels";

/** One pushed enterprise: what the bureau sent, the fund's decisions in order, and the fund's buttons. */
export function FundPushCard({
  push: f,
  onAction,
}: {
  push: FundPush;
  onAction: (event: FundPushEvent) => void;
}) {
  const { lang, t } = useLocale();
  const id = f.id;
  const closed = f.status === "invested" || f.status === "declined";
  return (
    <Card
      data-testid={`fund-push-${id}`}
      title={
        <Space wrap>
          <span>{f.unitName}</span>
          <Tag color={fundPushStatusColors[f.status]} data-testid={`fund-${id}-status`}>
            {pickLang(lang, fundPushStatusNames[f.status].zh, fundPushStatusNames[f.status].en)}
          </Tag>
        </Space>
      }
      extra={<Citation source={f.source} />}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        style={{ marginBottom: 16 }}
      >
        <Descriptions.Item label={t("所属领域", "Industry field")}>{f.field}</Descriptions.Item>
        <Descriptions.Item label={t("推送", "Pushed")}>
          {f.pushed.byName} · {formatDateTime(f.pushed.at)}
        </Descriptions.Item>
        <Descriptions.Item label={t("关键数据", "Key figures")} span={2}>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
            {f.highlights}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>
        {t("随推送的项目（推送时状态）", "Projects sent (as they stood)")}
      </Typography.Title>
      {f.projects.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid={`fund-${id}-projects`}>
          {t("未附项目，仅推送企业关键数据。", "No project sent: the key figures alone.")}
        </Typography.Paragraph>
      ) : (
        <Table
          size="small"
          rowKey="number"
          pagination={false}
          dataSource={f.projects}
          data-testid={`fund-${id}-projects`}
          columns={[
            { title: t("项目编号", "Number"), dataIndex: "number" },
            { title: t("项目名称", "Title"), dataIndex: "title" },
            {
              title: t("绩效等级", "Grade"),
              dataIndex: "grade",
              render: (g: string | null) => g ?? t("尚未评价", "Not graded"),
            },
            {
              title: t("资助金额", "Amount"),
              dataIndex: "amountFen",
              align: "right",
              render: (fen: number) => wan(fen, lang),
            },
          ]}
          style={{ marginBottom: 16 }}
        />
      )}
      <Typography.Title level={5}>
        {t("基金决策（按公司章程）", "The fund's decisions (by its charter)")}
      </Typography.Title>
      {f.decisions.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid={`fund-${id}-no-decision`}>
          {t("基金管理机构尚未作出决策。", "The fund has not decided yet.")}
        </Typography.Paragraph>
      ) : (
        <Timeline
          data-testid={`fund-${id}-decisions`}
          items={f.decisions.map((d) => {
            const name = decisionName(d.event);
            return {
              key: `${d.event}-${d.at}`,
              color: d.event === "invest" ? "green" : d.event === "decline" ? "gray" : "blue",
              children: (
                <div>
                  <Space wrap>
                    <strong>{pickLang(lang, name.zh, name.en)}</strong>
                    {d.amountFen !== null && (
                      <span data-testid={`fund-${id}-amount`}>
                        {t("投资金额", "Amount")} {wan(d.amountFen, lang)}
                      </span>
                    )}
                    <Typography.Text type="secondary">
                      {d.byName} · {formatDateTime(d.at)}
                    </Typography.Text>
                  </Space>
                  <div style={{ whiteSpace: "pre-wrap" }}>{d.note}</div>
                </div>
              ),
            };
          })}
        />
      )}
      {f.actions.length > 0 && (
        <Space wrap>
          {fundActionOrder
            .filter((a) => f.actions.includes(a))
            .map((a) => (
              <Button
                key={a}
                type={a === "invest" ? "primary" : "default"}
                danger={a === "decline"}
                onClick={() => onAction(a)}
                data-testid={`fund-${id}-${a}`}
              >
                {pickLang(lang, fundActionNames[a].zh, fundActionNames[a].en)}
              </Button>
            ))}
          {!f.actions.includes("followUp") && !closed && (
            <GuardedButton
              testId={`fund-${id}-followUp`}
              blockedReason={t(
                "已在跟踪了解，请决定投资或不予投资",
                "Already following up: invest or decline",
              )}
            >
              {pickLang(lang, fundActionNames.followUp.zh, fundActionNames.followUp.en)}
            </GuardedButton>
          )}
        </Space>
      )}
    </Card>
  );
}

import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Radio,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { type HTMLAttributes, type ReactNode, useState } from "react";
import type {
  DuplicateDecisionRecord,
  DuplicateMatch,
  DuplicatePassageSide,
  DuplicateVerdict,
} from "../../api/applications";
import { useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { ErrorAlert } from "../../components/ErrorAlert";
import { lengthLimit } from "../../components/lengthLimit";
import { RadioGroup } from "../../components/RadioGroup";
import { formatDateTime } from "../../components/time";
import { useDecideDuplicate, useDuplicates } from "./hooks";
import { applicationStatusText } from "./labels";

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const thresholdPercent = (share: number) => `${Math.round(share * 100)}%`;

/** The passage's text with the words the other side shares wrapped in `<mark>`. */
function PassageText({ text, side }: { text: string; side: DuplicatePassageSide }) {
  const parts: ReactNode[] = [];
  let at = side.start;
  const marks = [...(side.highlights ?? [])]
    .map((h) => ({ start: Math.max(h.start, side.start), end: Math.min(h.end, side.end) }))
    .filter((h) => h.end > h.start)
    .sort((p, q) => p.start - q.start);
  for (const h of marks) {
    if (h.end <= at) continue;
    const start = Math.max(h.start, at);
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} style={{ background: "#ffe58f", padding: 0 }}>
        {text.slice(start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  if (at < side.end) parts.push(text.slice(at, side.end));
  return <div style={{ whiteSpace: "pre-wrap", lineHeight: 1.8 }}>{parts}</div>;
}

const boxStyle = {
  border: "1px solid #f0f0f0",
  borderRadius: 6,
  padding: "8px 12px",
  height: "100%",
  background: "#fafafa",
} as const;

function Passages({ text, match }: { text: string; match: DuplicateMatch }) {
  const { t } = useLocale();
  return (
    <div data-testid="duplicate-passages">
      <Row gutter={12} style={{ marginBottom: 8 }}>
        <Col span={12}>
          <Typography.Text strong>{t("本申报书", "This application")}</Typography.Text>
        </Col>
        <Col span={12}>
          <Typography.Text strong>
            {t("此前的申报：", "Earlier: ")}
            {match.title}
          </Typography.Text>
        </Col>
      </Row>
      {match.passages.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t("没有可对齐的相似段落", "No passages align sentence by sentence")}
        />
      ) : (
        <Space direction="vertical" size="small" style={{ width: "100%" }}>
          {match.passages.map((p) => (
            <div key={`${p.a.start}-${p.b.start}`}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`段落相似度 ${percent(p.similarity)}`, `passage similarity ${percent(p.similarity)}`)}
              </Typography.Text>
              <Row gutter={12}>
                <Col span={12}>
                  <div style={boxStyle}>
                    <PassageText text={text} side={p.a} />
                  </div>
                </Col>
                <Col span={12}>
                  <div style={boxStyle}>
                    <PassageText text={match.text} side={p.b} />
                  </div>
                </Col>
              </Row>
            </div>
          ))}
        </Space>
      )}
    </div>
  );
}

interface DecisionValues {
  decision: DuplicateVerdict;
  reason: string;
}

function DecisionForm({ applicationId, match }: { applicationId: string; match: DuplicateMatch }) {
  const { t } = useLocale();
  const reasonLimit = lengthLimit(2000, t);
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const decide = useDecideDuplicate(applicationId);
  const onFinish = (v: DecisionValues) =>
    decide.mutate(
      { matchId: match.id, decision: v.decision, reason: v.reason.trim(), similarity: match.similarity },
      {
        onSuccess: () => {
          form.resetFields();
          message.success(t("查重结论已记录", "Decision recorded"));
        },
      },
    );
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} data-testid="duplicate-form">
      <ErrorAlert error={decide.error} />
      <Form.Item
        name="decision"
        label={t("查重结论", "Decision")}
        rules={[{ required: true, message: t("请选择查重结论", "Choose a decision") }]}
      >
        <RadioGroup data-testid="duplicate-decision">
          <Radio value="duplicate" data-testid="duplicate-decision-duplicate">
            {t("属于重复申报", "Duplicate")}
          </Radio>
          <Radio value="notDuplicate" data-testid="duplicate-decision-notDuplicate">
            {t("不属于重复申报", "Not a duplicate")}
          </Radio>
        </RadioGroup>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t("理由", "Reason")}
        rules={[
          { required: true, whitespace: true, message: t("请填写理由", "Give the reason") },
          { min: 2, message: t("理由至少 2 个字", "At least 2 characters") },
          reasonLimit.rule,
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          count={reasonLimit.count}
          data-testid="duplicate-reason"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="duplicate-submit">
        {t("记录查重结论", "Record the decision")}
      </Button>
    </Form>
  );
}

/** 查重 (the clause comes with the answer): the closest earlier applications, their overlapping passages, and the officer's decisions. */
export function DuplicatesPanel({ applicationId }: { applicationId: string }) {
  const { lang, t } = useLocale();
  const query = useDuplicates(applicationId);
  const [selected, setSelected] = useState<string | null>(null);
  const data = query.data;

  if (query.isPending)
    return (
      <div data-testid="duplicates-panel">
        <Skeleton active />
      </div>
    );
  if (!data)
    return (
      <div data-testid="duplicates-panel">
        <ErrorAlert error={query.error} />
      </div>
    );

  const match = data.matches.find((m) => m.id === selected) ?? data.matches[0];
  const titles = new Map(data.matches.map((m) => [m.id, m.title]));
  const verdictText = (d: string) =>
    d === "duplicate"
      ? t("属于重复申报", "Duplicate")
      : d === "notDuplicate"
        ? t("不属于重复申报", "Not a duplicate")
        : d;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="duplicates-panel">
      <ErrorAlert error={query.error} />
      <Alert
        type="info"
        showIcon
        message={
          <Space wrap>
            <span>
              {t(
                `与本市此前申报书比对，相似度阈值 ${thresholdPercent(data.threshold)}`,
                `Compared with earlier applications of the city; threshold ${thresholdPercent(data.threshold)}`,
              )}
            </span>
            <ClauseTag clause={data.clause} testId="duplicate-clause" />
          </Space>
        }
      />
      {data.matches.length === 0 ? (
        <Card size="small">
          <Empty
            data-testid="duplicate-none"
            description={t(
              `未发现相似度超过 ${thresholdPercent(data.threshold)} 的申报书`,
              `No application is more than ${thresholdPercent(data.threshold)} similar`,
            )}
          />
        </Card>
      ) : (
        <>
          <Card size="small" title={t("相似申报书", "Similar applications")}>
            <Table<DuplicateMatch>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.matches}
              onRow={(m) =>
                ({
                  "data-testid": `duplicate-match-${m.id}`,
                  onClick: () => setSelected(m.id),
                  style: {
                    cursor: "pointer",
                    background: m.id === match?.id ? "#e6f4ff" : undefined,
                  },
                }) as HTMLAttributes<HTMLElement>
              }
              columns={[
                { title: t("项目名称", "Title"), dataIndex: "title" },
                {
                  title: t("相似度", "Similarity"),
                  dataIndex: "similarity",
                  width: 110,
                  render: (s: number) => (
                    <Tag color={s >= 0.6 ? "red" : "orange"} style={{ fontVariantNumeric: "tabular-nums" }}>
                      {percent(s)}
                    </Tag>
                  ),
                },
                {
                  title: t("状态", "Status"),
                  dataIndex: "status",
                  width: 140,
                  render: (s: DuplicateMatch["status"], m: DuplicateMatch) =>
                    m.funded ? (
                      <Tag color="blue">{t("已立项项目", "Funded project")}</Tag>
                    ) : s ? (
                      applicationStatusText(s, lang)
                    ) : (
                      "—"
                    ),
                },
              ]}
            />
          </Card>
          {match && (
            <Card
              size="small"
              title={t(
                `重叠段落（相似度 ${percent(match.similarity)}）`,
                `Overlapping passages (${percent(match.similarity)})`,
              )}
            >
              <Space direction="vertical" size="middle" style={{ width: "100%" }}>
                <Passages text={data.text} match={match} />
                <DecisionForm key={match.id} applicationId={applicationId} match={match} />
              </Space>
            </Card>
          )}
        </>
      )}
      <Card size="small" title={t("查重结论记录", "Recorded decisions")}>
        <Table<DuplicateDecisionRecord>
          size="small"
          rowKey={(d) => `${d.matchId}-${d.decidedAt}`}
          pagination={false}
          dataSource={data.decisions}
          data-testid="duplicate-decisions"
          locale={{ emptyText: t("尚无查重结论", "No decision yet") }}
          columns={[
            {
              title: t("比对对象", "Compared with"),
              dataIndex: "matchId",
              render: (id: string) =>
                titles.get(id) ?? <Typography.Text code>{id.slice(0, 8)}</Typography.Text>,
            },
            {
              title: t("结论", "Decision"),
              dataIndex: "decision",
              width: 140,
              render: (d: string) => <Tag color={d === "duplicate" ? "red" : "green"}>{verdictText(d)}</Tag>,
            },
            {
              title: t("相似度", "Similarity"),
              dataIndex: "similarityBp",
              width: 90,
              render: (bp: number) => percent(bp / 10_000),
            },
            { title: t("理由", "Reason"), dataIndex: "reason" },
            {
              title: t("时间", "Time"),
              dataIndex: "decidedAt",
              width: 170,
              render: (at: string) => formatDateTime(at),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

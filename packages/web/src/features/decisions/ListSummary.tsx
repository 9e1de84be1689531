import { Card, Col, Descriptions, Form, Input, Row, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { ProposedList } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { lengthLimit } from "../../components/lengthLimit";
import { wan } from "../../components/money";
import { Citation } from "../reviews/HorseRaceModal";
import type { ListDraft } from "./listDraft";

type Totals = { selected: number; reserve: number; listFen: number | null };

/**
 * The list against its limits: the counts and money, the program's yearly cap, the year's budget
 * control number and (Luoyang) the youth share, each with its clause. The figures are the server's
 * for the list as saved; unsaved edits are counted beside them. Where a limit is set "in principle"
 * the reason for exceeding it is written here and saved with the list.
 */
export function ListSummary({
  list,
  draft,
  totals,
  dirty,
  editable,
  onReasonChange,
}: {
  list: ProposedList;
  draft: ListDraft;
  totals: Totals;
  dirty: boolean;
  editable: boolean;
  onReasonChange: (field: "overCapReason" | "youthShareReason", text: string) => void;
}) {
  const { lang, t } = useLocale();
  const { summary: s } = list;
  const items = (pairs: [string, ReactNode][]) =>
    pairs.map(([label, children]) => ({ key: label, label, children }));
  const over = (bad: boolean, text: string) =>
    bad ? <Typography.Text type="danger">{text}</Typography.Text> : text;

  const control = s.budget.controlFen;
  // once issued, the list's projects are among the year's committed ones already
  const pending = list.status === "issued" ? 0 : 1;
  const afterFen = s.budget.committedFen + pending * s.listFen;
  const capNow = s.cap ? s.cap.issued + pending * totals.selected : 0;
  const showOverCap =
    (s.cap?.inPrinciple === true && capNow > s.cap.count) || draft.overCapReason.trim() !== "";
  const showYouth = (s.youthShare !== null && !s.youthShare.met) || draft.youthShareReason.trim() !== "";

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={s.youthShare ? 6 : 8}>
          <Card size="small" title={t("名单", "The list")} data-testid="list-summary-counts">
            <Descriptions
              size="small"
              column={1}
              items={items([
                [t("拟立项", "Selected"), t(`${s.selected} 项`, `${s.selected}`)],
                [t("候补", "Reserve"), t(`${s.reserve} 项`, `${s.reserve}`)],
                [t("立项金额", "Amount"), wan(s.listFen, lang)],
              ])}
            />
            {dirty && (
              <Typography.Text type="warning" data-testid="list-summary-unsaved">
                {t(
                  `未保存的修改：拟立项 ${totals.selected} 项、候补 ${totals.reserve} 项，合计 ${wan(totals.listFen, lang)}；保存后重新核算。`,
                  `Unsaved: ${totals.selected} selected, ${totals.reserve} reserve, ${wan(totals.listFen, lang)} in all; saving checks again.`,
                )}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={s.youthShare ? 6 : 8}>
          <Card size="small" title={t("年度立项数", "Projects this year")} data-testid="list-summary-cap">
            {s.cap ? (
              <Descriptions
                size="small"
                column={1}
                items={items([
                  [
                    t("年度上限", "Yearly cap"),
                    <Space size={4} wrap key="cap">
                      {t(`${s.cap.count} 项`, `${s.cap.count}`)}
                      {s.cap.inPrinciple && <Tag>{t("原则上", "In principle")}</Tag>}
                      <Citation source={s.cap.source} />
                    </Space>,
                  ],
                  [t("本年度已下达", "Issued this year"), t(`${s.cap.issued} 项`, `${s.cap.issued}`)],
                  [
                    t("加本名单后", "With this list"),
                    over(s.cap.afterList > s.cap.count, t(`${s.cap.afterList} 项`, `${s.cap.afterList}`)),
                  ],
                ])}
              />
            ) : (
              <Typography.Text type="secondary">
                {t("本计划类别未设年度立项上限", "This program has no yearly cap")}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={s.youthShare ? 6 : 8}>
          <Card
            size="small"
            title={
              <Space size={4}>
                {t("预算控制数", "Budget control number")}
                <Citation source={s.budget.source} />
              </Space>
            }
            data-testid="list-summary-budget"
          >
            <Descriptions
              size="small"
              column={1}
              items={items([
                [
                  t("本年度控制数", "Control number"),
                  control === null ? (
                    <Typography.Text type="danger">
                      {t("财政局尚未设定", "Not set by finance yet")}
                    </Typography.Text>
                  ) : (
                    wan(control, lang)
                  ),
                ],
                [t("已安排", "Committed"), wan(s.budget.committedFen, lang)],
                [
                  t("加本名单后", "With this list"),
                  over(control !== null && afterFen > control, wan(afterFen, lang)),
                ],
                [
                  t("剩余", "Remaining"),
                  control === null ? "—" : over(afterFen > control, wan(control - afterFen, lang)),
                ],
              ])}
            />
          </Card>
        </Col>
        {s.youthShare && (
          <Col xs={24} md={12} xl={6}>
            <Card
              size="small"
              title={
                <Space size={4}>
                  {t("青年科技人才比例", "Youth share")}
                  <Citation source={s.youthShare.source} />
                </Space>
              }
              data-testid="list-summary-youth"
            >
              <Descriptions
                size="small"
                column={1}
                items={items([
                  [
                    t("计入的计划类别", "Counted programs"),
                    s.youthShare.programNames.map((n) => t(n.zh, n.en)).join(t("、", ", ")),
                  ],
                  [
                    t("本年度", "This year"),
                    <Space size={4} key="percent">
                      {s.youthShare.percent === null ? "—" : `${s.youthShare.percent}%`}
                      <Typography.Text type="secondary">
                        ({s.youthShare.young}/{s.youthShare.total})
                      </Typography.Text>
                    </Space>,
                  ],
                  [
                    t("要求", "Required"),
                    t(
                      `不低于 ${s.youthShare.minPercent}%（${s.youthShare.ageUnder} 周岁以下）`,
                      `At least ${s.youthShare.minPercent}% (under ${s.youthShare.ageUnder})`,
                    ),
                  ],
                  [
                    t("结论", "Result"),
                    s.youthShare.met ? (
                      <Tag color="green">{t("已达到", "Met")}</Tag>
                    ) : (
                      <Tag color="red">{t("未达到", "Not met")}</Tag>
                    ),
                  ],
                ])}
              />
            </Card>
          </Col>
        )}
      </Row>
      {(showOverCap || showYouth) && (
        <Card size="small" title={t("说明理由", "Reasons")} data-testid="list-reasons">
          <Form layout="vertical" component="div">
            {showOverCap && (
              <ReasonField
                label={t("超出年度立项上限的理由", "Why the list exceeds the yearly cap")}
                value={draft.overCapReason}
                editable={editable}
                onChange={(v) => onReasonChange("overCapReason", v)}
                testId="list-over-cap-reason"
              />
            )}
            {showYouth && (
              <ReasonField
                label={t("青年科技人才比例未达到的理由", "Why the youth share is not met")}
                value={draft.youthShareReason}
                editable={editable}
                onChange={(v) => onReasonChange("youthShareReason", v)}
                testId="list-youth-reason"
              />
            )}
          </Form>
        </Card>
      )}
    </Space>
  );
}

function ReasonField({
  label,
  value,
  editable,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  editable: boolean;
  onChange: (text: string) => void;
  testId: string;
}) {
  const { t } = useLocale();
  const limit = lengthLimit(1000, t);
  const excess = limit.excess(value);
  return (
    <Form.Item
      label={label}
      htmlFor={editable ? testId : undefined}
      validateStatus={excess ? "error" : undefined}
      help={excess ?? undefined}
    >
      {editable ? (
        <Input.TextArea
          id={testId}
          rows={2}
          value={value}
          count={limit.count}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        />
      ) : (
        <Typography.Paragraph style={{ margin: 0 }} data-testid={testId}>
          {value || "—"}
        </Typography.Paragraph>
      )}
    </Form.Item>
  );
}

import { RollbackOutlined } from "@ant-design/icons";
import { Button, Input, InputNumber, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import type { ProposedList, ProposedListEntry } from "../../api/decisions";
import { pickLang, useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { RadioGroup } from "../../components/RadioGroup";
import { formatNoticeEnd } from "../../components/time";
import { points } from "../reviews/labels";
import { EntryHistory } from "./EntryHistory";
import { actionNames, decisionColors, decisionNames } from "./labels";
import {
  byRank,
  type EntryDraft,
  editableDecisions,
  entryOf,
  isEditableDecision,
  type ListDraft,
} from "./listDraft";
import { parseWan, WanInput } from "./wan";

interface Props {
  list: ProposedList;
  draft: ListDraft;
  /** Entries departing from the ranking as the page has them now. */
  departs: ReadonlySet<string>;
  editable: boolean;
  onChange: (applicationId: string, patch: Partial<EntryDraft>) => void;
  /** Whether the caller may record a unit's withdrawal (单位撤回) of a selected entry now. */
  mayWithdraw: boolean;
  onWithdraw: (entry: ProposedListEntry) => void;
}

/**
 * 拟立项名单: the call's ranking with the officer's decision on each application. The decision starts
 * as the server returned it (nothing is pre-selected), a reserve takes its place in the queue, the
 * amount is written in 万元, and a departure from the ranking asks for its reason.
 */
export function EntriesTable({ list, draft, departs, editable, onChange, mayWithdraw, onWithdraw }: Props) {
  const { lang, t } = useLocale();
  const rows = byRank(list.entries);
  const issued = rows.some((e) => e.projectNumber);
  const noticed = rows.some((e) => e.noticeEndsAt);

  const columns: TableColumnsType<ProposedListEntry> = [
    { title: t("排名", "Rank"), dataIndex: "rank", align: "right", render: (r: number | null) => r ?? "—" },
    {
      title: t("申报编号", "Number"),
      dataIndex: "applicationNumber",
      render: (n: string) => <code>{n}</code>,
    },
    {
      title: t("项目名称", "Title"),
      key: "title",
      render: (_, e) => (
        <Space direction="vertical" size={2}>
          <span>{e.title}</span>
          {e.changeNote && (
            <Typography.Text type="secondary" data-testid={`entry-change-${e.applicationNumber}`}>
              {e.changeNote}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t("申报单位", "Unit"), dataIndex: "unitName" },
    {
      title: t("项目负责人", "PI"),
      key: "pi",
      render: (_, e) => (
        <Space size={4}>
          {e.piName}
          {e.piYouth && <Tag color="cyan">{t("青年", "Youth")}</Tag>}
        </Space>
      ),
    },
    {
      title: t("平均分", "Mean"),
      dataIndex: "mean",
      align: "right",
      render: (m: number | null) => points(m),
    },
    {
      title: t("决定", "Decision"),
      key: "decision",
      render: (_, e) => {
        const d = entryOf(draft, e);
        if (!editable || !isEditableDecision(d.decision))
          return (
            <Tag color={decisionColors[d.decision]} data-testid={`entry-decision-${e.applicationNumber}`}>
              {pickLang(lang, decisionNames[d.decision].zh, decisionNames[d.decision].en)}
            </Tag>
          );
        return (
          <RadioGroup
            size="small"
            optionType="button"
            buttonStyle="solid"
            value={d.decision}
            onChange={(ev) => onChange(e.applicationId, { decision: ev.target.value })}
            options={editableDecisions.map((v) => ({ value: v, label: decisionNames[v][lang] }))}
            aria-label={t(`${e.applicationNumber} 的决定`, `Decision on ${e.applicationNumber}`)}
            data-testid={`entry-decision-${e.applicationNumber}`}
          />
        );
      },
    },
    {
      title: t("候补顺序", "Reserve order"),
      key: "reserveOrder",
      align: "right",
      render: (_, e) => {
        const d = entryOf(draft, e);
        if (d.decision !== "reserve") return "—";
        if (!editable) return d.reserveOrder ?? "—";
        return (
          <InputNumber
            size="small"
            min={1}
            max={999}
            precision={0}
            style={{ width: 72 }}
            value={d.reserveOrder}
            status={d.reserveOrder === null ? "error" : undefined}
            onChange={(v) => onChange(e.applicationId, { reserveOrder: v ?? null })}
            aria-label={t(`${e.applicationNumber} 的候补顺序`, `Reserve order of ${e.applicationNumber}`)}
            data-testid={`entry-reserve-order-${e.applicationNumber}`}
          />
        );
      },
    },
    {
      title: t("立项金额", "Amount"),
      key: "amount",
      render: (_, e) => {
        const d = entryOf(draft, e);
        const requested = (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`申请 ${wan(e.requestedFen, lang)}`, `Requested ${wan(e.requestedFen, lang)}`)}
          </Typography.Text>
        );
        if (!editable || !isEditableDecision(d.decision))
          return (
            <Space direction="vertical" size={0}>
              {d.decision === "selected" ? wan(e.amountFen, lang) : "—"}
              {requested}
            </Space>
          );
        const parsed = parseWan(d.amount);
        const bad = !parsed.ok || parsed.fen === undefined;
        return (
          <Space direction="vertical" size={0}>
            <WanInput
              size="small"
              style={{ width: 150 }}
              value={d.amount}
              status={bad ? "error" : undefined}
              onChange={(ev) => onChange(e.applicationId, { amount: ev.target.value })}
              aria-label={t(`${e.applicationNumber} 的立项金额（万元）`, `Amount for ${e.applicationNumber}`)}
              data-testid={`entry-amount-${e.applicationNumber}`}
            />
            {bad ? (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {parsed.ok
                  ? t("请填写金额", "Enter the amount")
                  : pickLang(lang, parsed.messageZh, parsed.messageEn)}
              </Typography.Text>
            ) : (
              requested
            )}
          </Space>
        );
      },
    },
    {
      title: t("偏离排名的理由", "Reason for departing from the ranking"),
      key: "departure",
      render: (_, e) => {
        const d = entryOf(draft, e);
        const departing = departs.has(e.applicationId);
        if (!departing && !d.departureReason) return "—";
        if (!editable || !isEditableDecision(d.decision)) return d.departureReason || "—";
        const missing = departing && !d.departureReason.trim();
        return (
          <Space direction="vertical" size={0}>
            <Input
              size="small"
              style={{ minWidth: 200 }}
              value={d.departureReason}
              status={missing ? "error" : undefined}
              prefix={departing ? <Typography.Text type="danger">*</Typography.Text> : undefined}
              onChange={(ev) => onChange(e.applicationId, { departureReason: ev.target.value })}
              aria-label={t(`${e.applicationNumber} 偏离排名的理由`, `Why ${e.applicationNumber} departs`)}
              aria-required={departing}
              data-testid={`entry-departure-${e.applicationNumber}`}
            />
            {missing && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t("偏离评审排名，须说明理由", "Departs from the ranking: give the reason")}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: t("既往业绩与信用", "Record"),
      key: "history",
      render: (_, e) => <EntryHistory entry={e} />,
    },
    ...(issued
      ? [
          {
            title: t("项目编号", "Project number"),
            dataIndex: "projectNumber",
            render: (n: string | null) => (n ? <code>{n}</code> : "—"),
          },
        ]
      : []),
    ...(noticed
      ? [
          {
            title: t("公示截止", "Notice ends"),
            dataIndex: "noticeEndsAt",
            render: (v: string | null) => formatNoticeEnd(v),
          },
        ]
      : []),
    ...(mayWithdraw
      ? [
          {
            title: t("操作", "Action"),
            key: "action",
            render: (_: unknown, e: ProposedListEntry) =>
              e.decision === "selected" && (
                <Button
                  size="small"
                  icon={<RollbackOutlined />}
                  onClick={() => onWithdraw(e)}
                  data-testid={`entry-withdraw-${e.applicationNumber}`}
                >
                  {actionNames.withdrawEntry[lang]}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Table<ProposedListEntry>
      rowKey="applicationId"
      size="small"
      data-testid="list-entries"
      columns={columns}
      dataSource={rows}
      scroll={{ x: "max-content" }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
    />
  );
}

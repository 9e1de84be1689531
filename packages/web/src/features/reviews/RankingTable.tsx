import { declineReasonNames } from "@luoshu/domain";
import {
  Select as AntSelect,
  type CheckboxProps,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import type { ReviewAssignmentRow, ReviewItem, ReviewPlan } from "../../api/reviews";
import { useLocale } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import { GuardedButton } from "./GuardedButton";
import {
  assignmentStatusColors,
  assignmentStatusText,
  originNames,
  points,
  siteVisitResultColors,
  siteVisitResultNames,
} from "./labels";

export interface PanelChoice {
  key: string;
  label: string;
}

interface Props {
  plan: ReviewPlan;
  /** The panels as the settings form has them now; the select is shown while the plan is editable. */
  panels: PanelChoice[];
  panelEditable: boolean;
  panelKeyOf: (item: ReviewItem) => string;
  onPanelChange: (applicationId: string, key: string) => void;
  /** Rows can be picked for a horse race or a site visit (when the caller may record either). */
  selectable: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  overrideBlocked: string | null;
  reopenBlocked: string | null;
  onReplace: (row: ReviewAssignmentRow, item: ReviewItem) => void;
  onReopen: (row: ReviewAssignmentRow, item: ReviewItem) => void;
}

/**
 * 评审结果: the applications best mean first (the server ranks them), each expandable to its experts.
 * With `trimFromReviews` reviews or more the highest and the lowest totals are struck through; a
 * spread over the policy's threshold goes to the panel for discussion.
 */
export function RankingTable({
  plan,
  panels,
  panelEditable,
  panelKeyOf,
  onPanelChange,
  selectable,
  selected,
  onSelect,
  overrideBlocked,
  reopenBlocked,
  onReplace,
  onReopen,
}: Props) {
  const { lang, t } = useLocale();
  const { rules } = plan;
  const raceOf = (id: string | null) => plan.horseRaces.find((h) => h.id === id);
  const numberOf = (applicationId: string) =>
    plan.items.find((i) => i.applicationId === applicationId)?.number ?? applicationId;

  const columns: TableColumnsType<ReviewItem> = [
    {
      title: t("排名", "Rank"),
      dataIndex: "rank",
      align: "right",
      render: (r: number | null) => r ?? "—",
    },
    { title: t("申报编号", "Number"), dataIndex: "number", render: (n: string) => <code>{n}</code> },
    {
      title: t("项目名称", "Title"),
      key: "title",
      render: (_, i) => (
        <Space direction="vertical" size={2}>
          <span>{i.title}</span>
          {i.siteVisits.length > 0 && (
            <Space size={4} wrap>
              {i.siteVisits.map((v) => (
                <Tag key={v.id} color={siteVisitResultColors[v.result]}>
                  {t(
                    `现场考察 ${v.visitedOn}：${siteVisitResultNames[v.result].zh}`,
                    `Site visit ${v.visitedOn}: ${siteVisitResultNames[v.result].en}`,
                  )}
                </Tag>
              ))}
            </Space>
          )}
        </Space>
      ),
    },
    { title: t("申报单位", "Unit"), dataIndex: "unitName" },
    {
      title: t("评审组", "Panel"),
      key: "panel",
      render: (_, i) =>
        panelEditable ? (
          <AntSelect
            size="small"
            style={{ minWidth: 160 }}
            value={panelKeyOf(i)}
            onChange={(key: string) => onPanelChange(i.applicationId, key)}
            options={panels.map((p) => ({ value: p.key, label: p.label }))}
            aria-label={t(`${i.number} 所属评审组`, `Panel of ${i.number}`)}
            data-testid={`review-item-panel-${i.number}`}
          />
        ) : (
          (plan.settings.panels[i.panelIndex]?.nameZh ?? i.panelIndex + 1)
        ),
    },
    {
      title: t("平均分", "Mean"),
      key: "mean",
      align: "right",
      render: (_, i) => <strong data-testid={`review-item-mean-${i.number}`}>{points(i.result.mean)}</strong>,
    },
    {
      title: t("分差", "Spread"),
      key: "spread",
      render: (_, i) =>
        i.result.totals.length === 0 ? (
          "—"
        ) : (
          <Space size={4} wrap>
            <span>{points(i.result.spread)}</span>
            {i.result.spreadFlagged && (
              <Tooltip
                title={t(
                  `最高分与最低分相差超过 ${rules.spreadThresholdPoints} 分`,
                  `Highest and lowest differ by more than ${rules.spreadThresholdPoints} points`,
                )}
              >
                <Tag color="red" data-testid={`review-item-spread-${i.number}`}>
                  {t("分歧较大，提交专家组讨论", "Wide spread: to the panel for discussion")}
                </Tag>
              </Tooltip>
            )}
          </Space>
        ),
    },
    {
      title: t("各专家总分", "Totals"),
      key: "totals",
      render: (_, i) => {
        const trimmed = i.result.totals.length >= rules.trimFromReviews;
        return i.result.totals.length === 0 ? (
          "—"
        ) : (
          <Space size={6} wrap data-testid={`review-item-totals-${i.number}`}>
            {i.result.totals.map((total, k) =>
              trimmed && i.result.dropped.includes(k) ? (
                <Tooltip key={k} title={t("去掉最高分和最低分", "Highest and lowest left out")}>
                  {/* focusable, so the reason is reachable without a mouse */}
                  <Typography.Text delete type="secondary" tabIndex={0}>
                    {points(total)}
                  </Typography.Text>
                </Tooltip>
              ) : (
                <span key={k}>{points(total)}</span>
              ),
            )}
          </Space>
        );
      },
    },
    {
      title: t("空缺席位", "Open places"),
      dataIndex: "openPlaces",
      align: "right",
      render: (n: number, i) =>
        n > 0 ? (
          <Tooltip
            title={t(
              "专家谢绝或回避后，专家库中无人可补位",
              "After declines and conflicts, no one in the pool could fill it",
            )}
          >
            <Tag color="orange" data-testid={`review-item-open-${i.number}`}>
              {n}
            </Tag>
          </Tooltip>
        ) : (
          0
        ),
    },
    {
      title: t("赛马", "Horse race"),
      key: "horseRace",
      render: (_, i) => {
        const race = raceOf(i.horseRaceId);
        if (!race) return null;
        const others = race.applicationIds.filter((id) => id !== i.applicationId).map(numberOf);
        return (
          <Tooltip title={`${t("同组：", "With: ")}${others.join("、")}；${race.reason}`}>
            <Tag color="purple" tabIndex={0} data-testid={`review-item-horse-race-${i.number}`}>
              {t("赛马", "Horse race")}
            </Tag>
          </Tooltip>
        );
      },
    },
  ];

  const assignmentColumns = (item: ReviewItem): TableColumnsType<ReviewAssignmentRow> => [
    {
      title: t("专家", "Expert"),
      key: "expert",
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.expert.displayName}</span>
          <Typography.Text type="secondary">
            {[r.expert.unitName, r.expert.title].filter(Boolean).join(" · ")}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t("匹配度", "Affinity"),
      dataIndex: "affinity",
      align: "right",
      render: (a: number) => a.toFixed(3),
    },
    {
      title: t("状态", "Status"),
      key: "status",
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Tag color={assignmentStatusColors[r.status]} data-testid={`assignment-status-${r.id}`}>
            {assignmentStatusText(r.status, lang)}
          </Tag>
          {r.declineReason && (
            <Typography.Text type="secondary">
              {declineReasonNames[r.declineReason][lang]}
              {r.declineNote ? `：${r.declineNote}` : ""}
            </Typography.Text>
          )}
          {r.status === "conflicted" && !r.declineReason && r.declineNote && (
            <Typography.Text type="secondary">{r.declineNote}</Typography.Text>
          )}
          {r.lastRemindedAt && (r.status === "invited" || r.status === "accepted") && (
            <Typography.Text type="secondary">
              {t(
                `已催办 ${formatDateTime(r.lastRemindedAt)}`,
                `Reminded ${formatDateTime(r.lastRemindedAt)}`,
              )}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("来源", "Origin"),
      key: "origin",
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{originNames[r.origin][lang]}</span>
          {r.overrideReason && <Typography.Text type="secondary">{r.overrideReason}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t("总分", "Total"),
      key: "total",
      align: "right",
      render: (_, r) => (
        <Space direction="vertical" size={0} align="end">
          <span>{points(r.total)}</span>
          {r.submittedAt && (
            <Typography.Text type="secondary">{formatDateTime(r.submittedAt)}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("操作", "Actions"),
      key: "actions",
      render: (_, r) =>
        r.status === "proposed" || r.status === "invited" ? (
          <GuardedButton
            size="small"
            blockedReason={overrideBlocked}
            onClick={() => onReplace(r, item)}
            testId={`assignment-replace-${r.id}`}
          >
            {t("调整专家", "Replace")}
          </GuardedButton>
        ) : r.status === "submitted" ? (
          <GuardedButton
            size="small"
            blockedReason={reopenBlocked}
            onClick={() => onReopen(r, item)}
            testId={`assignment-reopen-${r.id}`}
          >
            {t("退回重评", "Reopen")}
          </GuardedButton>
        ) : null,
    },
  ];

  return (
    <Table<ReviewItem>
      rowKey="applicationId"
      data-testid="review-ranking"
      columns={columns}
      dataSource={plan.items}
      pagination={false}
      scroll={{ x: "max-content" }}
      rowSelection={
        selectable
          ? {
              // no select-all: a horse race or a visit is about chosen rows (and AntD copies a header
              // checkbox into its aria-hidden measuring row, a focusable element hidden from readers)
              hideSelectAll: true,
              columnTitle: t("选择", "Pick"),
              selectedRowKeys: selected,
              onChange: (keys) => onSelect(keys.map(String)),
              // the row's checkbox is named by its application (AntD gives it no name)
              getCheckboxProps: (i) =>
                ({
                  "aria-label": t(`选择 ${i.number}`, `Select ${i.number}`),
                  "data-testid": `review-item-select-${i.number}`,
                }) as CheckboxProps,
            }
          : undefined
      }
      onRow={(i) => ({ "data-testid": `review-item-${i.number}` }) as React.HTMLAttributes<HTMLElement>}
      expandable={{
        rowExpandable: (i) => i.assignments.length > 0 || i.siteVisits.length > 0,
        expandedRowRender: (i) => (
          <Space direction="vertical" style={{ width: "100%" }}>
            <Table<ReviewAssignmentRow>
              size="small"
              rowKey="id"
              pagination={false}
              columns={assignmentColumns(i)}
              dataSource={i.assignments}
              data-testid={`review-assignments-${i.number}`}
            />
            {i.siteVisits.map((v) => (
              <div key={v.id} data-testid={`site-visit-${v.id}`}>
                <Typography.Text strong>
                  {t(`现场考察（${v.visitedOn}）`, `Site visit (${v.visitedOn})`)}
                </Typography.Text>{" "}
                <Tag color={siteVisitResultColors[v.result]}>{siteVisitResultNames[v.result][lang]}</Tag>
                <Typography.Text type="secondary">
                  {t("考察组：", "Members: ")}
                  {v.members.join("、")}
                </Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                  {v.findings}
                </Typography.Paragraph>
              </div>
            ))}
          </Space>
        ),
      }}
    />
  );
}

import { chinaDateOf, sanctionLasts } from "@luoshu/domain";
import { Button, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import type { Sanction } from "../../api/projectLife";
import { useLocale } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import { Citation } from "../reviews/HorseRaceModal";
import { sanctionAuthorityNames, sanctionKindNames } from "./labels";

type Translate = (zh: string, en: string) => string;

/** In force, lifted (when and why), taken once, not begun or ended. */
function Status({ s, t }: { s: Sanction; t: Translate }) {
  if (s.lifted) {
    return (
      <Space direction="vertical" size={0} data-testid="sanction-lifted">
        <Tag>{t("已解除", "Lifted")}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {`${s.lifted.byName} ${formatDateTime(s.lifted.at)}`}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "pre-wrap" }}>
          {s.lifted.reason}
        </Typography.Text>
      </Space>
    );
  }
  if (!sanctionLasts(s.kind)) return <Tag data-testid="sanction-taken">{t("已作出", "Taken")}</Tag>;
  if (s.inForce) {
    return (
      <Tag color="red" data-testid="sanction-in-force">
        {t("生效中", "In force")}
      </Tag>
    );
  }
  return s.fromDate > chinaDateOf(new Date()) ? (
    <Tag color="orange" data-testid="sanction-pending">
      {t("尚未生效", "Not begun")}
    </Tag>
  ) : (
    <Tag data-testid="sanction-ended">{t("已期满", "Ended")}</Tag>
  );
}

/** 处理措施 (LY-FUNDS §25) taken on the project, newest first, with a 解除 for whoever may lift one. */
export function SanctionsTable({
  sanctions,
  onLift,
}: {
  sanctions: readonly Sanction[];
  onLift: (s: Sanction) => void;
}) {
  const { lang, t } = useLocale();
  const period = (s: Sanction) =>
    !sanctionLasts(s.kind) ? s.fromDate : `${s.fromDate} ～ ${s.untilDate ?? t("解除为止", "until lifted")}`;
  const columns: TableColumnsType<Sanction> = [
    {
      title: t("措施", "Measure"),
      key: "kind",
      render: (_, s) => (
        <Space direction="vertical" size={2}>
          <Typography.Text strong data-testid="sanction-kind">
            {sanctionKindNames[s.kind][lang]}
          </Typography.Text>
          <Space size={4} wrap>
            <Typography.Text type="secondary">{sanctionAuthorityNames[s.authority][lang]}</Typography.Text>
            <Citation source={s.source} />
          </Space>
        </Space>
      ),
    },
    { title: t("日期", "Days"), key: "period", render: (_, s) => period(s) },
    {
      title: t("事由", "Reason"),
      key: "reason",
      render: (_, s) => (
        <Space direction="vertical" size={0}>
          <span style={{ whiteSpace: "pre-wrap" }}>{s.reason}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {`${s.imposed.byName} ${formatDateTime(s.imposed.at)}`}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t("状态", "Status"),
      key: "status",
      render: (_, s) => (
        <Space direction="vertical" size={4}>
          <Status s={s} t={t} />
          {s.actions.includes("lift") && (
            <Button size="small" onClick={() => onLift(s)} data-testid="sanction-lift">
              {t("解除", "Lift")}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  const sorted = [...sanctions].sort((a, b) => b.imposed.at.localeCompare(a.imposed.at));
  return (
    <Table<Sanction>
      rowKey="id"
      size="small"
      data-testid="sanctions"
      columns={columns}
      dataSource={sorted}
      pagination={false}
      locale={{ emptyText: t("未采取处理措施", "No sanction") }}
    />
  );
}

import { Card, Empty, Skeleton, Space, Tag, Typography } from "antd";
import type { PublicCommission } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime, formatNoticeEnd } from "../../components/time";
import { usePublicCommissions } from "../decisions/hooks";
import { Citation } from "../reviews/HorseRaceModal";

/**
 * 定向委托公示 (DT-RULES §14): each directed commission's reasons and decision basis, public before
 * the project may proceed. No login; the basis is shown as written.
 */
export function PublicCommissions() {
  const { t } = useLocale();
  const commissions = usePublicCommissions();
  const now = Date.now();

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="public-commissions">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("定向委托公示", "Directed commissions in public notice")}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t(
          "定向委托项目实施前，公示其定向理由及决策依据；时间均为北京时间。",
          "Before a directed commission proceeds, its reasons and decision basis are public. Times are Beijing time.",
        )}
      </Typography.Text>
      <ErrorAlert error={commissions.error} />
      {commissions.isPending && <Skeleton active />}
      {commissions.data?.length === 0 && (
        <Empty description={t("目前没有公示中的定向委托", "No directed commission is in notice")} />
      )}
      {commissions.data?.map((c) => (
        <PublicCommissionCard key={c.id} commission={c} ended={Date.parse(c.noticeEndsAt) <= now} />
      ))}
    </Space>
  );
}

function PublicCommissionCard({ commission: c, ended }: { commission: PublicCommission; ended: boolean }) {
  const { t } = useLocale();
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {value}
    </div>
  );
  return (
    <Card
      data-testid={`public-commission-${c.id}`}
      title={`${c.cityNameZh} · ${c.title}`}
      extra={
        ended ? <Tag>{t("公示已结束", "Closed")}</Tag> : <Tag color="purple">{t("公示中", "In notice")}</Tag>
      }
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        {row(t("承担单位：", "Unit: "), c.unitName)}
        {row(
          t("定向理由：", "Reason: "),
          <Space size={4} wrap>
            <span lang="zh-CN">{c.reasonZh}</span>
            <Citation source={c.source} />
          </Space>,
        )}
        {row(
          t("决策依据：", "Decision basis: "),
          <Typography.Paragraph lang="zh-CN" style={{ whiteSpace: "pre-wrap", margin: "4px 0 0" }}>
            {c.basis}
          </Typography.Paragraph>,
        )}
        {row(
          t("公示期：", "Notice period: "),
          `${formatDateTime(c.noticeStartedAt)} ~ ${formatNoticeEnd(c.noticeEndsAt)}`,
        )}
      </Space>
    </Card>
  );
}

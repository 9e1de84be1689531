import { LinkOutlined } from "@ant-design/icons";
import { Alert, Card, Descriptions, Space, Tag } from "antd";
import { Link } from "react-router-dom";
import type { ProposedList } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { formatDateTime, formatNoticeEnd } from "../../components/time";
import { Citation } from "../reviews/HorseRaceModal";

/** 公示: when the list went public, when the period ends (Beijing time, working days) and whether it has. */
export function NoticeCard({ list }: { list: ProposedList }) {
  const { t } = useLocale();
  const n = list.notice;
  if (!n) return null;
  const period = list.steps.publicNotice;
  return (
    <Card
      size="small"
      data-testid="list-notice"
      title={
        <Space size={4}>
          {t("公示", "Public notice")}
          <Citation source={period?.source ?? null} />
        </Space>
      }
      extra={
        <Link to="/notices" target="_blank" data-testid="list-notice-public-link">
          <LinkOutlined /> {t("查看公开栏", "Open the public board")}
        </Link>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: "start", label: t("公示开始", "Started"), children: formatDateTime(n.startedAt) },
          { key: "end", label: t("公示截止", "Ends"), children: formatNoticeEnd(n.endsAt) },
          {
            key: "period",
            label: t("公示期", "Period"),
            children: period ? (
              <Space size={4}>
                {t(`${period.workingDays} 个工作日`, `${period.workingDays} working days`)}
                <Citation source={period.periodSource} />
              </Space>
            ) : (
              "—"
            ),
          },
          {
            key: "state",
            label: t("状态", "State"),
            children: n.ended ? (
              <Tag data-testid="list-notice-ended">{t("公示期已满", "Period over")}</Tag>
            ) : (
              <Tag color="purple" data-testid="list-notice-running">
                {t("公示中", "Running")}
              </Tag>
            ),
          },
        ]}
      />
      {n.uncoveredYears.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="list-notice-uncovered"
          message={t(
            `${n.uncoveredYears.join("、")} 年度节假日数据未收录，按周一至周五计算工作日；请核对公示截止时间。`,
            `Public holidays for ${n.uncoveredYears.join(", ")} are not on record: working days are counted Monday to Friday. Check the end of the period.`,
          )}
        />
      )}
    </Card>
  );
}

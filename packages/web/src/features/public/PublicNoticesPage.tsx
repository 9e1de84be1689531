import {
  Button,
  Card,
  Divider,
  Empty,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import type { PublicNotice, PublicNoticeEntry } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime, formatNoticeEnd } from "../../components/time";
import { usePublicNotices } from "../decisions/hooks";
import { Citation } from "../reviews/HorseRaceModal";
import { ObjectionModal } from "./ObjectionModal";
import { PublicChallenges } from "./PublicChallenges";
import { PublicCommissions } from "./PublicCommissions";
import { PublicLayout } from "./PublicLayout";

/**
 * `/notices`: the proposed lists in public notice (立项公示), no login; anyone may object to a project.
 * Below them, the directed commissions whose reasons and decision basis are public (定向委托公示),
 * and the open challenges: lists taking bids, shortlists in notice, awards (揭榜挂帅榜单).
 */
export function PublicNoticesPage() {
  return (
    <PublicLayout citySwitch={false}>
      <PublicNotices />
    </PublicLayout>
  );
}

function PublicNotices() {
  const { t } = useLocale();
  const notices = usePublicNotices();

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }} data-testid="page-public-notices">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("科技计划项目立项公示", "S&T projects in public notice")}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t(
          "公示期内，任何单位或个人对公示项目有异议的，可实名提出；时间均为北京时间。",
          "During the notice period anyone may object to a listed project under their name. Times are Beijing time.",
        )}
      </Typography.Text>
      <ErrorAlert error={notices.error} />
      {notices.isPending && <Skeleton active />}
      {notices.data?.length === 0 && (
        <Empty description={t("目前没有公示中的名单", "No list is in public notice")} />
      )}
      {notices.data?.map((n) => (
        <PublicNoticeCard key={n.listId} notice={n} />
      ))}
      <Divider style={{ margin: "8px 0" }} />
      <PublicCommissions />
      <Divider style={{ margin: "8px 0" }} />
      <PublicChallenges />
    </Space>
  );
}

function PublicNoticeCard({ notice: n }: { notice: PublicNotice }) {
  const { t } = useLocale();
  const [objecting, setObjecting] = useState<PublicNoticeEntry | null>(null);
  const now = Date.now();

  const columns: TableColumnsType<PublicNoticeEntry> = [
    { title: t("项目名称", "Project"), dataIndex: "title" },
    { title: t("申报单位", "Unit"), dataIndex: "unitName" },
    { title: t("项目负责人", "PI"), dataIndex: "piName" },
    { title: t("公示截止", "Notice ends"), dataIndex: "endsAt", render: (v: string) => formatNoticeEnd(v) },
    {
      title: t("异议", "Objection"),
      key: "object",
      render: (_, e) => {
        const over = n.ended || Date.parse(e.endsAt) <= now;
        return over ? (
          <Typography.Text type="secondary">{t("公示期已满", "Closed")}</Typography.Text>
        ) : (
          <Button
            size="small"
            onClick={() => setObjecting(e)}
            data-testid={`public-object-${e.applicationId}`}
          >
            {t("提出异议", "Object")}
          </Button>
        );
      },
    },
  ];

  return (
    <Card
      data-testid={`public-notice-${n.listId}`}
      title={`${n.cityNameZh} · ${n.callName}`}
      extra={
        n.ended ? (
          <Tag>{t("公示已结束", "Closed")}</Tag>
        ) : (
          <Tag color="purple">{t("公示中", "In notice")}</Tag>
        )
      }
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space size={4} wrap>
          <Typography.Text type="secondary">
            {n.programName} · {t("公示期", "Period")} {formatDateTime(n.startedAt)} ~{" "}
            {formatNoticeEnd(n.endsAt)}
            {t(`（${n.workingDays} 个工作日）`, ` (${n.workingDays} working days)`)}
          </Typography.Text>
          <Citation source={n.source} />
        </Space>
        <Table<PublicNoticeEntry>
          rowKey="applicationId"
          size="small"
          columns={columns}
          dataSource={n.entries}
          scroll={{ x: "max-content" }}
          pagination={false}
          data-testid={`public-notice-entries-${n.listId}`}
        />
      </Space>
      <ObjectionModal notice={n} entry={objecting} onClose={() => setObjecting(null)} />
    </Card>
  );
}

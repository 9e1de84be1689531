import { useQuery } from "@tanstack/react-query";
import { Skeleton, Space, Tag, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { fetchPublicGuide } from "../../api/guides";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { GuideView } from "../guides/GuideView";
import { guideStatusColors, guideStatusText } from "../guides/labels";
import { PublicLayout } from "./PublicLayout";

/** `/public/guides/:city/:id`: one published guide in full, no login needed. */
export function PublicGuidePage() {
  const { city = "", id = "" } = useParams();
  const { lang, t } = useLocale();
  const guide = useQuery({
    queryKey: ["publicGuide", city, id],
    queryFn: () => fetchPublicGuide(city, id),
  });
  const g = guide.data;
  return (
    <PublicLayout citySwitch={false}>
      <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="page-public-guide">
        <Link to={`/public?city=${city}`}>{t("← 返回公开栏", "← Back to the notice board")}</Link>
        <ErrorAlert error={guide.error} />
        {guide.isPending && <Skeleton active />}
        {g && (
          <>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {g.titleZh} <Tag color={guideStatusColors[g.status]}>{guideStatusText(g.status, lang)}</Tag>
            </Typography.Title>
            <GuideView guide={g} />
            <Typography.Text type="secondary">
              {t(
                "申报请登录平台，在本指南的开放批次中新建申报书。",
                "To apply, sign in and start an application in an open call of this guide.",
              )}
            </Typography.Text>
          </>
        )}
      </Space>
    </PublicLayout>
  );
}

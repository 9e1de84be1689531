import { SendOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Skeleton, Space } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { FundPush, FundPushEvent } from "../../api/fundPush";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LabelledSwitch } from "../../components/LabelledSwitch";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/session";
import { DecideModal } from "./DecideModal";
import { FundPushCard } from "./FundPushCard";
import { notApplicable, useFundPushes } from "./hooks";
import { PushModal } from "./PushModal";

/**
 * 基金推送 (LY-REFORM §二(三)): the bureau pushes selected S&T SMEs with their projects and key
 * figures to the fund management institution; the fund decides by its charter (invest, decline, or
 * follow up first) and the bureau sees the outcome. The platform pays nothing. A city whose documents
 * name no fund push (Datong) is told so by the server, and the page says it.
 */
export function FundPushesPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const [search] = useSearchParams();
  const [mine, setMine] = useState(search.get("mine") === "true");
  const pushes = useFundPushes(mine);
  const [pushing, setPushing] = useState(false);
  const [deciding, setDeciding] = useState<{ push: FundPush; event: FundPushEvent } | null>(null);
  const refused = notApplicable(pushes.error) ? pushes.error : null;
  const applicable = !refused && !pushes.isPending;
  const canPush = me.permissions.includes("fundPush.manage");

  return (
    <div data-testid="page-fund-pushes">
      <PageHeader
        title={t("基金推送", "Fund push")}
        extra={
          applicable && (
            <Space wrap>
              <LabelledSwitch
                label={t("待我处理", "Waiting for me")}
                checked={mine}
                onChange={setMine}
                data-testid="fund-mine"
              />
              {canPush && (
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  onClick={() => setPushing(true)}
                  data-testid="fund-push-create"
                >
                  {t("推送企业", "Push an enterprise")}
                </Button>
              )}
            </Space>
          )
        }
      />
      {refused ? (
        <Alert
          type="info"
          showIcon
          data-testid="fund-not-applicable"
          message={`${pickLang(lang, refused.messageZh, refused.messageEn)}${t("本页无可办理事项。", " There is nothing to do here.")}`}
        />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <ErrorAlert error={pushes.error} />
          {pushes.isPending && <Skeleton active />}
          {pushes.data?.items.length === 0 && (
            <Empty
              data-testid="fund-empty"
              description={
                mine
                  ? t("没有等待您处理的推送", "Nothing is waiting for you")
                  : t("尚未推送企业", "No enterprise has been pushed yet")
              }
            />
          )}
          {pushes.data?.items.map((f) => (
            <FundPushCard key={f.id} push={f} onAction={(event) => setDeciding({ push: f, event })} />
          ))}
        </Space>
      )}
      <PushModal open={pushing} onClose={() => setPushing(false)} />
      <DecideModal target={deciding} onClose={() => setDeciding(null)} />
    </div>
  );
}

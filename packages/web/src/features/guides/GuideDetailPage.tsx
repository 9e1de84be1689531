import { EditOutlined } from "@ant-design/icons";
import type { GuideEvent } from "@luoshu/domain";
import { App, Button, type ButtonProps, Popconfirm, Skeleton, Space, Tag } from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import type { GuideCall } from "../../api/guides";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { NewApplicationModal } from "../applications/NewApplicationModal";
import { ViolationsAlert } from "../applications/ViolationsAlert";
import { GuideView } from "./GuideView";
import { useGuide, useGuideEvent } from "./hooks";
import { guideEventNames, guideStatusColors, guideStatusText } from "./labels";

export function GuideDetailPage() {
  const { id = "" } = useParams();
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const guide = useGuide(id);
  const fire = useGuideEvent(id);
  const [applyCall, setApplyCall] = useState<GuideCall | null>(null);
  const g = guide.data;
  const canApply = Boolean(g?.allowedActions.includes("apply"));

  const onEvent = (event: GuideEvent) =>
    fire.mutate(event, {
      onSuccess: (next) =>
        message.success(t(`操作成功：${next.statusZh}`, `Done: ${guideStatusText(next.status, "en")}`)),
    });

  return (
    <div data-testid="page-guide">
      <PageHeader
        title={g?.titleZh ?? t("申报指南", "Guide")}
        extra={
          g && (
            <Space wrap>
              <Tag color={guideStatusColors[g.status]} data-testid="guide-status">
                {guideStatusText(g.status, lang)}
              </Tag>
              {g.allowedActions.includes("edit") && (
                <Button
                  icon={<EditOutlined />}
                  onClick={() => navigate(`/guides/${g.id}/edit`)}
                  data-testid="guide-edit"
                >
                  {t("编辑", "Edit")}
                </Button>
              )}
              {g.allowedEvents.map((event) => (
                <Popconfirm
                  key={event}
                  title={t(`确定${guideEventNames[event].zh}？`, `${guideEventNames[event].en}?`)}
                  onConfirm={() => onEvent(event)}
                  okButtonProps={{ "data-testid": `guide-event-${event}-confirm` } as ButtonProps}
                >
                  <Button
                    type={event === "publish" || event === "submitForReview" ? "primary" : "default"}
                    loading={fire.isPending && fire.variables === event}
                    data-testid={`guide-event-${event}`}
                  >
                    {guideEventNames[event][lang]}
                  </Button>
                </Popconfirm>
              ))}
            </Space>
          )
        }
      />
      <ErrorAlert error={guide.error} style={{ marginBottom: 16 }} />
      <ViolationsAlert error={fire.error} style={{ marginBottom: 16 }} />
      {guide.isPending && <Skeleton active />}
      {g && (
        <GuideView
          guide={g}
          callAction={
            canApply
              ? (c) =>
                  c.window === "open" ? (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setApplyCall(c)}
                      data-testid={`call-apply-${c.id}`}
                    >
                      {t("在此批次申报", "Apply in this call")}
                    </Button>
                  ) : null
              : undefined
          }
        />
      )}
      <NewApplicationModal
        open={applyCall !== null}
        callId={applyCall?.id}
        onClose={() => setApplyCall(null)}
      />
    </div>
  );
}

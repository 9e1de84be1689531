import { EditOutlined } from "@ant-design/icons";
import { type GuideEvent, minOverrideReasonLength } from "@luoshu/domain";
import { App, Button, type ButtonProps, Input, Popconfirm, Skeleton, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import type { GuideCall } from "../../api/guides";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { lengthLimit } from "../../components/lengthLimit";
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
  const [reason, setReason] = useState("");
  const g = guide.data;
  const canApply = Boolean(g?.allowedActions.includes("apply"));
  // Publishing over a cap the policy states 原则上 needs the leader's reason, recorded with the guide.
  const needsReason = (event: GuideEvent) => event === "publish" && (g?.capWarnings.length ?? 0) > 0;
  const reasonShort = reason.trim().length < minOverrideReasonLength;
  const reasonLimit = lengthLimit(1000, t);
  const reasonTooLong = reasonLimit.excess(reason.trim());
  // A call already over blocks review and publication until it is moved (the server refuses too).
  const blockedBy = (event: GuideEvent) =>
    (event === "submitForReview" || event === "publish") && (g?.closedCalls.length ?? 0) > 0;

  const onEvent = (event: GuideEvent) =>
    fire.mutate(
      { event, overrideReason: needsReason(event) ? reason.trim() : undefined },
      {
        onSuccess: (next) =>
          message.success(t(`操作成功：${next.statusZh}`, `Done: ${guideStatusText(next.status, "en")}`)),
      },
    );

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
                  description={
                    needsReason(event) && (
                      <div style={{ maxWidth: 360 }}>
                        <label htmlFor="guide-override-reason">
                          {t(
                            `本指南超过政策“原则上”的上限，请填写发布理由（至少 ${minOverrideReasonLength} 个字），理由将记录并公示：`,
                            `This guide exceeds a cap the policy states in principle: give the reason (at least ${minOverrideReasonLength} characters); it is recorded and shown:`,
                          )}
                        </label>
                        <Input.TextArea
                          id="guide-override-reason"
                          value={reason}
                          onChange={(e) => setReason(e.target.value)}
                          count={reasonLimit.count}
                          autoSize={{ minRows: 2, maxRows: 6 }}
                          data-testid="guide-override-reason"
                        />
                        {reasonTooLong && <Typography.Text type="danger">{reasonTooLong}</Typography.Text>}
                      </div>
                    )
                  }
                  disabled={blockedBy(event)}
                  onConfirm={() => onEvent(event)}
                  okButtonProps={
                    {
                      "data-testid": `guide-event-${event}-confirm`,
                      disabled: needsReason(event) && (reasonShort || reasonTooLong !== null),
                    } as ButtonProps
                  }
                >
                  <Button
                    type={event === "publish" || event === "submitForReview" ? "primary" : "default"}
                    loading={fire.isPending && fire.variables?.event === event}
                    disabled={blockedBy(event)}
                    data-testid={`guide-event-${event}`}
                  >
                    {guideEventNames[event][lang]}
                  </Button>
                </Popconfirm>
              ))}
              {g.allowedEvents.some(blockedBy) && (
                <Typography.Text type="secondary" data-testid="guide-event-blocked">
                  {t("有申报批次已截止，请先调整批次时间", "A call has closed: move its dates first")}
                </Typography.Text>
              )}
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

import type { NeedEvent } from "@luoshu/domain";
import { Form, Input, Radio, Typography } from "antd";
import { useMemo } from "react";
import type { Need, TriageDecision } from "../../api/needs";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { RadioGroup } from "../../components/RadioGroup";
import { Select } from "../../components/Select";
import { useNeeds, useTriage } from "./hooks";

interface Values {
  event: NeedEvent;
  into?: string;
  reason?: string;
}

/** Accept a need into the needs list, merge it into an accepted one, or reject it with a reason. */
export function TriageModal({ need, onClose }: { need: Need | null; onClose: () => void }) {
  const { t } = useLocale();
  const triage = useTriage();
  const reasonLimit = lengthLimit(1000, t);
  const accepted = useNeeds({ page: 1, pageSize: 200, status: "accepted" }, need !== null);
  const initialValues = useMemo(() => ({ event: "accept" as NeedEvent }), []);
  const modal = useFormModal<Values, { id: string; decision: TriageDecision }, unknown>({
    open: need !== null,
    onClose,
    mutation: triage,
    toVariables: (v) => {
      const reason = v.reason?.trim() || undefined;
      const decision: TriageDecision =
        v.event === "merge"
          ? { event: "merge", into: v.into ?? "", ...(reason ? { reason } : {}) }
          : v.event === "reject"
            ? { event: "reject", reason: reason ?? "" }
            : { event: "accept", ...(reason ? { reason } : {}) };
      return { id: need?.id ?? "", decision };
    },
    fields: ["event", "into", "reason"],
    successText: t("已分拣", "Triaged"),
    initialValues,
  });
  const event = Form.useWatch("event", modal.form);

  return (
    <FormModal
      modal={modal}
      title={t("分拣需求", "Triage need")}
      submitTestId="triage-submit"
      formTestId="triage-form"
    >
      <Typography.Paragraph strong>{need?.title}</Typography.Paragraph>
      <Form.Item name="event" label={t("处理方式", "Decision")} rules={[{ required: true }]}>
        <RadioGroup data-testid="triage-event">
          <Radio value="accept" data-testid="triage-accept">
            {t("采纳", "Accept")}
          </Radio>
          <Radio value="merge" data-testid="triage-merge">
            {t("合并到已采纳需求", "Merge into an accepted need")}
          </Radio>
          <Radio value="reject" data-testid="triage-reject">
            {t("不予采纳", "Reject")}
          </Radio>
        </RadioGroup>
      </Form.Item>
      {event === "merge" && (
        <Form.Item name="into" label={t("合并到", "Merge into")} rules={[{ required: true }]}>
          <Select
            loading={accepted.isFetching}
            options={accepted.data?.items
              .filter((n) => n.id !== need?.id)
              .map((n) => ({ value: n.id, label: n.title }))}
            data-testid="triage-into"
          />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={event === "reject" ? t("不予采纳的理由", "Reason") : t("说明（可选）", "Note (optional)")}
        rules={event === "reject" ? [{ required: true }, { min: 2 }, reasonLimit.rule] : [reasonLimit.rule]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          count={reasonLimit.count}
          data-testid="triage-reason"
        />
      </Form.Item>
    </FormModal>
  );
}

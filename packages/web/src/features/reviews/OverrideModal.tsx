import { Alert, Form, Input } from "antd";
import { useDeferredValue, useState } from "react";
import type { ReviewAssignmentRow, ReviewItem } from "../../api/reviews";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { Select } from "../../components/Select";
import { useExperts } from "../experts/hooks";
import { useOverrideAssignment } from "./hooks";

export interface Replacing {
  row: ReviewAssignmentRow;
  item: ReviewItem;
}

/** Searches the pool on the server (it may hold thousands); experts already on the application are left out. */
function ExpertPicker({
  id,
  value,
  onChange,
  exclude,
  busyUnits,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  exclude: readonly string[];
  /** Units that already have an expert on the application: one expert per unit (the server checks too). */
  busyUnits: readonly string[];
}) {
  const { t } = useLocale();
  const [keyword, setKeyword] = useState("");
  const deferred = useDeferredValue(keyword);
  // a page of 100: most of a unit's experts may be unavailable for this application
  const experts = useExperts({ page: 1, pageSize: 100, keyword: deferred || undefined, status: "active" });
  const options =
    experts.data?.items
      .filter((e) => !exclude.includes(e.id))
      .map((e) => {
        const why = !e.assignableToday
          ? t("今日不可分配", "not assignable today")
          : busyUnits.includes(e.unit.nameZh)
            ? t("该单位已有专家评审本项目", "their unit already reviews it")
            : null;
        const who = `${e.displayName}（${[e.unit.nameZh, e.title].filter(Boolean).join("，")}）`;
        return { value: e.id, label: why ? `${who} — ${why}` : who, disabled: why !== null };
      })
      // those who can take the place first
      .sort((a, b) => Number(a.disabled) - Number(b.disabled)) ?? [];
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setKeyword}
      loading={experts.isFetching}
      options={options}
      placeholder={t("输入姓名、职称或关键词搜索", "Search by name, title or keyword")}
      notFoundContent={t("没有符合条件的专家", "No expert found")}
      data-testid="override-expert"
    />
  );
}

/** 调整专家: another expert takes the place, for a reason that is recorded; the server checks conflicts. */
export function OverrideModal({
  planId,
  replacing,
  onClose,
}: {
  planId: string;
  replacing: Replacing | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const modal = useFormModal({
    open: replacing !== null,
    onClose,
    mutation: useOverrideAssignment(planId),
    toVariables: (v: { expertId: string; reason: string }) => ({
      assignmentId: replacing?.row.id ?? "",
      expertId: v.expertId,
      reason: v.reason.trim(),
    }),
    fields: ["expertId", "reason"],
    successText: t("已调整专家", "Expert replaced"),
  });
  const reason = lengthLimit(500, t);
  const holding =
    replacing?.item.assignments.filter(
      (a) => a.status !== "withdrawn" && a.status !== "declined" && a.status !== "conflicted",
    ) ?? [];
  const exclude = holding.map((a) => a.expert.id);
  const busyUnits = holding.filter((a) => a.id !== replacing?.row.id).map((a) => a.expert.unitName);
  const name = replacing?.row.expert.displayName ?? "";
  // an invitation already sent is withdrawn, and the new expert is invited at once
  const invited = replacing?.row.status === "invited";

  return (
    <FormModal
      modal={modal}
      title={t(
        `调整 ${replacing?.item.number ?? ""} 的评审专家 ${name}`,
        `Replace ${name} on ${replacing?.item.number ?? ""}`,
      )}
      submitTestId="override-confirm"
      formTestId="override-form"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="override-consequence"
        message={
          invited
            ? t(
                `${name} 的邀请将撤回（记为“已撤换”），所选专家随即收到评审邀请。调整及理由记入审计日志。`,
                `${name}'s invitation is withdrawn (marked replaced) and the chosen expert is invited at once. The change and its reason are audited.`,
              )
            : t(
                `${name} 将从拟分配结果中撤换，由所选专家替补；发出邀请前不通知任何人。调整及理由记入审计日志。`,
                `${name} is replaced in the proposed assignment by the chosen expert; no one is notified before the invitations go out. The change and its reason are audited.`,
              )
        }
      />
      <Form.Item name="expertId" label={t("替补专家", "Replacement expert")} rules={[{ required: true }]}>
        <ExpertPicker exclude={exclude} busyUnits={busyUnits} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t("调整理由", "Reason")}
        rules={[{ required: true, whitespace: true }, { min: 2 }, reason.rule]}
      >
        <Input.TextArea rows={3} count={reason.count} data-testid="override-reason" />
      </Form.Item>
    </FormModal>
  );
}

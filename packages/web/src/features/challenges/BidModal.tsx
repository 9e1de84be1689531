import { Alert, Form, Input } from "antd";
import type { Challenge } from "../../api/challenges";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { formatDateTime } from "../../components/time";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { useSubmitBid } from "./hooks";
import { challengeActionNames } from "./labels";

interface Values {
  leaderName: string;
  approach: string;
}

/** 揭榜: the unit names the leader of its team and how it would meet the challenge; once per unit. */
export function BidModal({ challenge: c, onClose }: { challenge: Challenge | null; onClose: () => void }) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open: c !== null,
    onClose,
    mutation: useSubmitBid(),
    toVariables: (v: Values) => ({
      id: c?.id ?? "",
      leaderName: v.leaderName.trim(),
      approach: v.approach.trim(),
    }),
    fields: ["leaderName", "approach"],
    successText: t("揭榜申请已提交", "Bid submitted"),
  });
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title: t("提交揭榜申请？", "Submit the bid?"),
      content: t(
        `本单位揭榜“${c?.title ?? ""}”，揭榜负责人 ${v.leaderName.trim()}。每个单位只能揭榜一次，提交后不能修改；市科技局将组织与需求方磋商。`,
        `Your unit bids for "${c?.title ?? ""}", led by ${v.leaderName.trim()}. A unit bids once and cannot change its bid; the bureau then arranges the negotiation with the demand side.`,
      ),
      okText: challengeActionNames.bid[lang],
      testId: "challenge-bid-confirm",
    }),
  );
  const leader = lengthLimit(50, t);
  const approach = lengthLimit(4000, t);

  return (
    <FormModal
      modal={modal}
      title={t(`揭榜：${c?.title ?? ""}`, `Bid: ${c?.title ?? ""}`)}
      okText={t("下一步", "Next")}
      submitTestId="challenge-bid-form-submit"
      formTestId="challenge-bid-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          `揭榜截止 ${formatDateTime(c?.bidDeadline)}（北京时间）。谁有本事谁揭榜：请说明攻关思路和团队条件。`,
          `Bids close ${formatDateTime(c?.bidDeadline)} (Beijing time). Describe how your team would meet the challenge.`,
        )}
      />
      <Form.Item
        name="leaderName"
        label={t("揭榜负责人", "Team leader")}
        rules={[{ required: true, whitespace: true }, { min: 2, transform: trimmed }, leader.rule]}
      >
        <Input count={leader.count} data-testid="challenge-bid-form-leader" />
      </Form.Item>
      <Form.Item
        name="approach"
        label={t("攻关思路与团队条件", "Approach and team")}
        rules={[{ required: true, whitespace: true }, { min: 10, transform: trimmed }, approach.rule]}
      >
        <Input.TextArea rows={6} count={approach.count} data-testid="challenge-bid-form-approach" />
      </Form.Item>
    </FormModal>
  );
}

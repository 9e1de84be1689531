import { Alert, Checkbox, Form, Space, Typography } from "antd";
import type { Challenge } from "../../api/challenges";
import type { Policy } from "../../api/policies";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { wan } from "../../components/money";
import { formatDateTime } from "../../components/time";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { useChallengeEvent } from "./hooks";
import { allowsHorseRace, challengeActionNames } from "./labels";

interface Values {
  bidIds: string[];
}

/**
 * 拟中榜名单: after the deadline the officer chooses among the bidders whose negotiation and
 * preliminary cooperation agreement are on record; none is preselected. Several only where the
 * program runs a horse race (赛马制). The others are marked not selected.
 */
export function ShortlistModal({
  challenge: c,
  policy,
  days,
  onClose,
}: {
  challenge: Challenge | null;
  policy: Policy | undefined;
  days: number | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open: c !== null,
    onClose,
    mutation: useChallengeEvent(),
    toVariables: (v: Values) => ({
      id: c?.id ?? "",
      event: "shortlist" as const,
      body: { bidIds: v.bidIds },
    }),
    fields: ["bidIds"],
    successText: t("已提出拟中榜名单", "Shortlist proposed"),
  });
  const negotiated = c?.bids.filter((b) => b.status === "negotiated") ?? [];
  const pending = c?.bids.filter((b) => b.status === "submitted").length ?? 0;
  const race = c ? allowsHorseRace(policy, c.program) : false;
  const modal = withConfirmation(state, (v) => {
    const names = negotiated.filter((b) => v.bidIds.includes(b.id)).map((b) => b.unitName);
    const amount = wan(c?.governmentFundingFen, lang);
    return confirmAct({
      title: t("提出拟中榜名单？", "Propose the shortlist?"),
      content: t(
        `拟中榜：${names.join("、")}，每家政府资助 ${amount}（榜单公布的金额）；其余揭榜方标记为未中榜。名单随后须公示 ${days ?? "—"} 个工作日。此操作记入审计日志。`,
        `Shortlisted: ${names.join(", ")}, ${amount} of government funding each (as the challenge published); the other bidders are marked not selected. The shortlist is then on public notice for ${days ?? "—"} working days. The action is audited.`,
      ),
      okText: challengeActionNames.shortlist[lang],
      testId: "challenge-shortlist-confirm",
    });
  });

  return (
    <FormModal
      modal={modal}
      title={t("提出拟中榜名单", "Propose the shortlist")}
      okText={t("下一步", "Next")}
      submitTestId="challenge-shortlist-submit"
      formTestId="challenge-shortlist-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          `揭榜截止（${formatDateTime(c?.bidDeadline)}）后方可提出；只能选择已完成揭榜磋商并签署初步合作协议的揭榜方。${race ? "本计划类别实行赛马制，可选多家并行攻关。" : "本计划类别未实行赛马制，只能选择一家。"}`,
          `Only after bids close (${formatDateTime(c?.bidDeadline)}), and only bidders whose negotiation and preliminary agreement are on record. ${race ? "This program runs horse races: several may work in parallel." : "This program runs no horse race: choose one."}`,
        )}
      />
      <Form.Item
        name="bidIds"
        label={t("已完成磋商的揭榜方", "Negotiated bidders")}
        // a validator, not `required`: AntD would put aria-required on the group, which ARIA does not allow
        rules={[
          {
            validator: (_, ids: string[] | undefined) => {
              if (!ids?.length) return Promise.reject(new Error(t("请选择揭榜方", "Choose the bidders")));
              if (!race && ids.length > 1)
                return Promise.reject(new Error(t("只能选择一家", "Choose only one")));
              return Promise.resolve();
            },
          },
        ]}
      >
        <Checkbox.Group style={{ width: "100%" }}>
          <Space direction="vertical">
            {negotiated.map((b) => (
              <Checkbox key={b.id} value={b.id} data-testid={`shortlist-bid-${b.id}`}>
                {b.unitName}（{t("负责人", "leader")} {b.leaderName}；
                {t("初步合作协议", "preliminary agreement")} {b.negotiation?.agreementSignedOn}）
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Form.Item>
      {negotiated.length === 0 && (
        <Typography.Text type="secondary">
          {t("尚无已完成磋商的揭榜方。", "No bidder has its negotiation on record yet.")}
        </Typography.Text>
      )}
      {pending > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t(
            `另有 ${pending} 家揭榜方未完成磋商，不能列入拟中榜名单。`,
            `${pending} more bidder(s) without a negotiation on record cannot be shortlisted.`,
          )}
        </Typography.Paragraph>
      )}
    </FormModal>
  );
}

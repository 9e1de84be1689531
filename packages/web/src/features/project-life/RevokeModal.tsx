import type { RevocationGround } from "@luoshu/domain";
import { Alert, Form } from "antd";
import type { ProjectDetail } from "../../api/execution";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { yuan } from "../../components/money";
import { RadioGroup } from "../../components/RadioGroup";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { sourceText } from "../execution/labels";
import { CitedLabel, TextField } from "./fields";
import { heldFen, listingText, unpaidFen } from "./figures";
import { useRevokeProject } from "./hooks";
import { closureGroundNames } from "./labels";

interface Values {
  ground: RevocationGround;
  reason: string;
}

/**
 * 撤销 (DT-RULES §21–22): the bureau revokes with its grounds; everything paid is to be recovered,
 * what was not paid goes back to the year's budget, and the unit and the PI go on the record the city
 * names. The dialog and its confirmation say all of it, with the figures and the clauses.
 */
export function RevokeModal({
  project: p,
  open,
  onClose,
}: {
  project: ProjectDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const rules = p.life.rules;
  const state = useFormModal({
    open,
    onClose,
    mutation: useRevokeProject(p.id),
    toVariables: (v: Values) => ({ ground: v.ground, reason: v.reason.trim() }),
    fields: ["ground", "reason"],
    successText: t("项目已撤销", "Project revoked"),
  });
  const waiting = p.life.closures.some((c) => c.status === "requested");
  const clause = sourceText(rules.revocationSource, lang);
  const consequence = t(
    `撤销后将追回已拨资金 ${yuan(heldFen(p))}（${clause}），未拨付的 ${yuan(unpaidFen(p))} 退回年度预算，并${listingText(p, lang, t)}。${waiting ? "待审定的终止申请由撤销决定取代。" : ""}撤销不能恢复。`,
    `Once revoked, the ${yuan(heldFen(p))} paid is to be recovered (${clause}), the unpaid ${yuan(unpaidFen(p))} goes back to the year's budget, and the revocation ${listingText(p, lang, t)}.${waiting ? " The termination application waiting is superseded." : ""} A revocation cannot be undone.`,
  );
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title: t(`撤销项目 ${p.number}？`, `Revoke project ${p.number}?`),
      content: t(
        `以“${closureGroundNames[v.ground].zh}”为由撤销项目“${p.title}”（${p.unitName}）。${consequence}此操作记入审计日志。`,
        `Project "${p.title}" (${p.unitName}) is revoked on the ground: ${closureGroundNames[v.ground].en}. ${consequence} The action is audited.`,
      ),
      okText: t("撤销项目", "Revoke the project"),
      testId: "revoke-confirm",
      danger: true,
    }),
  );

  return (
    <FormModal
      modal={modal}
      title={t("撤销项目", "Revoke the project")}
      okText={t("下一步", "Next")}
      submitTestId="revoke-submit"
      formTestId="revoke-form"
    >
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        message={consequence}
        data-testid="revoke-consequence"
      />
      <Form.Item
        name="ground"
        label={<CitedLabel text={t("撤销事由", "Ground")} source={rules.revocationSource} />}
        rules={[{ required: true, message: t("请选择撤销事由", "Choose a ground") }]}
      >
        <RadioGroup
          data-testid="revoke-ground"
          options={rules.revocationGrounds.map((g) => ({ value: g, label: closureGroundNames[g][lang] }))}
        />
      </Form.Item>
      <TextField name="reason" label={t("撤销理由", "Reason")} min={10} max={4000} testId="revoke-reason" />
    </FormModal>
  );
}

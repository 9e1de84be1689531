import { Alert, Descriptions, Form } from "antd";
import { useMemo } from "react";
import type { Assessment, AssessmentEvent, DistrictOpinion } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { wan } from "../../components/money";
import { formatDateTime } from "../../components/time";
import { YuanInput, yuanRule } from "../../components/yuan";
import { parseYuan } from "../budget/parseYuan";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { nodeName } from "../execution/labels";
import { yuanInputText } from "../project-life/changeText";
import { TextField } from "../project-life/fields";
import { useConcludeAssessment } from "./hooks";
import { conclusionName, gradeNames, points } from "./labels";

interface Values {
  note: string;
  /** 核定研发经费 in 元, on an acceptance's pass where a post-subsidy follows. */
  verifiedRd?: string;
}

type T = (zh: string, en: string) => string;

/** What an acceptance's conclusion does, with the nodes paid once accepted or graded. */
function acceptanceConsequence(a: Assessment, event: AssessmentEvent, nodes: AcceptanceNodes, t: T) {
  if (event === "defer")
    return t(
      "验收材料退回承担单位补充；补充后重新提交，再组织验收专家组评审。",
      "The materials go back to the unit for more; once it submits again, another panel is convened.",
    );
  if (event === "fail")
    return t(
      "项目验收不通过，评价等级为“不合格”；验收后的节点资金和后补助不予拨付。",
      "The project fails acceptance, graded fail; nothing paid on acceptance or the grade follows.",
    );
  const grade = a.grade ? gradeNames[a.grade] : { zh: "—", en: "—" };
  const due = [...nodes.accepted, ...nodes.graded];
  return t(
    `项目验收通过，评价等级为“${grade.zh}”。${due.length > 0 ? `${due.map((n) => `“${nodeName(n, "zh")}”`).join("、")}节点即可拨付${nodes.graded.length > 0 ? "，后补助按评价等级和核定的研发经费确定" : ""}。` : ""}`,
    `The project passes acceptance, graded ${grade.en}.${due.length > 0 ? ` The node(s) ${due.map((n) => nodeName(n, "en")).join(", ")} may then be paid${nodes.graded.length > 0 ? "; the post-subsidy follows the grade and the verified R&D spend" : ""}.` : ""}`,
  );
}

/** What a mid-term's conclusion does, said in the dialog and again in its confirmation. */
export function conclusionConsequence(event: AssessmentEvent, node: string, t: T) {
  return event === "pass"
    ? t(
        `通过后，任务书中“期中评估通过后”的节点（${node}）即可拨付。`,
        `Once passed, the task book's node paid after the mid-term (${node}) may be paid.`,
      )
    : t(
        "节点资金暂缓拨付，可重新组织评估。",
        "The node's money is held; another assessment may be convened.",
      );
}

/** The task book's nodes an acceptance makes due: once accepted, and once graded (a post-subsidy). */
export interface AcceptanceNodes {
  accepted: string[];
  graded: string[];
  /** The unit's settled total, the most the bureau may verify as R&D spend. */
  settledFen: number;
}

/**
 * 作出评估结论 for a mid-term (pass or hold, as the mean calls for) or an acceptance (pass or fail as
 * the mean calls for, defer while the panel sits): the dialog shows the mean against the pass mark or
 * the grade, asks for the note — and on an acceptance's pass where a post-subsidy follows, the R&D
 * spend the bureau verifies (元, the settled total at first) — and states what follows, as does the
 * confirmation.
 */
export function ConcludeModal({
  project,
  releasesNode,
  acceptance,
  conclusion,
  districtOpinion,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  releasesNode: string | null;
  acceptance?: AcceptanceNodes;
  /** 县区意见 on an acceptance: the district's, null while it has given none, absent where none is asked. */
  districtOpinion?: DistrictOpinion | null;
  conclusion: { assessment: Assessment; event: AssessmentEvent } | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const a = conclusion?.assessment ?? null;
  const event = conclusion?.event ?? "pass";
  const isAcceptance = a?.kind === "acceptance";
  const nodes: AcceptanceNodes = acceptance ?? { accepted: [], graded: [], settledFen: 0 };
  const verifies = isAcceptance && event === "pass" && nodes.graded.length > 0;
  const settled = nodes.settledFen;
  // the same object while the same conclusion is open: a refetch keeps what is typed
  const initialValues = useMemo(
    () => (verifies ? { verifiedRd: yuanInputText(settled) } : undefined),
    [verifies, settled],
  );
  const name = a ? conclusionName(a.kind, event) : conclusionName("midTerm", event);
  const kindZh = isAcceptance ? "结题验收" : "期中评估";
  const state = useFormModal({
    open: conclusion !== null,
    onClose,
    mutation: useConcludeAssessment(project.id),
    toVariables: (v: Values) => {
      const rd = parseYuan(v.verifiedRd ?? "");
      return {
        assessmentId: a?.id ?? "",
        event,
        body: {
          note: v.note.trim(),
          ...(verifies && rd.ok && rd.fen !== undefined ? { verifiedRdFen: rd.fen } : {}),
        },
      };
    },
    fields: ["note", "verifiedRdFen"],
    successText: t(`已作出结论：${name.zh}`, `Concluded: ${name.en}`),
    initialValues,
  });
  const consequence =
    a && isAcceptance
      ? acceptanceConsequence(a, event, nodes, t)
      : conclusionConsequence(
          event,
          releasesNode ? nodeName(releasesNode, lang) : t("期中节点", "the mid-term node"),
          t,
        );
  const modal = withConfirmation(state, (v) => {
    const rd = parseYuan(v.verifiedRd ?? "");
    const rdText =
      verifies && rd.ok
        ? t(`核定研发经费 ${wan(rd.fen ?? 0, "zh")}。`, `Verified R&D spend ${wan(rd.fen ?? 0, "en")}. `)
        : "";
    const standard = isAcceptance
      ? t(
          `（评价等级：${a?.grade ? gradeNames[a.grade].zh : "—"}）`,
          ` (grade: ${a?.grade ? gradeNames[a.grade].en : "—"})`,
        )
      : t(`（${a?.passMark ?? "—"} 分及以上为通过）`, ` (${a?.passMark ?? "—"} passes)`);
    return confirmAct({
      title: t(`${kindZh}结论：${name.zh}？`, `Conclude: ${name.en}?`),
      content: t(
        `项目 ${project.number}“${project.title}”${kindZh}，专家组平均分 ${points(a?.mean)} 分${standard}。${rdText}${consequence}此结论不能撤回，记入审计日志。`,
        `Project ${project.number} "${project.title}": the panel's mean is ${points(a?.mean)}${standard}. ${rdText}${consequence} The conclusion cannot be withdrawn and is audited.`,
      ),
      okText: name[lang],
      testId: `assessment-${event}-confirm`,
      danger: event === "hold" || event === "fail",
    });
  });
  return (
    <FormModal
      modal={modal}
      title={t(`${kindZh}结论：${name.zh}`, `Conclude: ${name.en}`)}
      okText={t("下一步", "Next")}
      submitTestId="assessment-conclude-submit"
      formTestId="assessment-conclude-form"
    >
      {a && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          styles={{ label: { whiteSpace: "nowrap" } }}
          items={[
            {
              key: "mean",
              label: t("专家组平均分", "Panel mean"),
              children: <span data-testid="assessment-conclude-mean">{points(a.mean)}</span>,
            },
            isAcceptance
              ? {
                  key: "grade",
                  label: t("评价等级", "Grade"),
                  children: (
                    <span data-testid="assessment-conclude-grade">
                      {a.grade ? gradeNames[a.grade][lang] : "—"}
                    </span>
                  ),
                }
              : {
                  key: "pass",
                  label: t("通过分数", "Pass mark"),
                  children: a.passMark === null ? "—" : t(`${a.passMark} 分`, `${a.passMark}`),
                },
            {
              key: "panel",
              label: t("评估专家", "Panel"),
              children: a.panel.map((x) => `${x.name} ${points(x.total)}`).join(t("；", "; ")),
            },
          ]}
        />
      )}
      {isAcceptance && districtOpinion !== undefined && (
        <Alert
          type={districtOpinion === null ? "info" : districtOpinion.agrees ? "success" : "warning"}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="assessment-conclude-district-opinion"
          message={
            districtOpinion === null
              ? t("县区科技部门尚未提出意见。", "The district S&T department has given no opinion.")
              : t(
                  `县区科技部门意见：${districtOpinion.agrees ? "同意验收" : "不同意验收"}。`,
                  `The district S&T department ${districtOpinion.agrees ? "agrees" : "disagrees"}.`,
                )
          }
          description={
            districtOpinion &&
            `${districtOpinion.opinion}（${districtOpinion.byName ?? "—"} ${formatDateTime(districtOpinion.at)}）`
          }
        />
      )}
      <Alert
        type={event === "pass" ? "warning" : "info"}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="assessment-conclude-consequence"
        message={consequence}
      />
      {verifies && (
        <Form.Item
          name="verifiedRd"
          label={t("核定研发经费（元）", "Verified R&D spend (CNY)")}
          extra={t(
            `不超过承担单位决算总额 ${wan(settled, "zh")}；后补助按此金额和评价等级计算。`,
            `At most the unit's settled total ${wan(settled, "en")}; the post-subsidy is reckoned on it and the grade.`,
          )}
          rules={[
            { required: true, whitespace: true, message: t("请填写", "Required") },
            yuanRule(lang),
            {
              validator: (_, v: string | undefined) => {
                const p = parseYuan(v ?? "");
                return p.ok && (p.fen ?? 0) > settled
                  ? Promise.reject(new Error(t("不能超过决算总额", "At most the settled total")))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <YuanInput data-testid="assessment-verified-rd" />
        </Form.Item>
      )}
      <TextField
        name="note"
        label={t("结论意见", "Note")}
        min={2}
        max={2000}
        rows={3}
        testId="assessment-note"
      />
    </FormModal>
  );
}

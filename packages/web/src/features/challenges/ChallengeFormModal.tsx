import { Alert, Col, DatePicker, Form, Input, Row } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { Policy } from "../../api/policies";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { wan } from "../../components/money";
import { codeOptions } from "../../components/options";
import { Select } from "../../components/Select";
import { formatDateTime } from "../../components/time";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { fenOfCheckedWan, WanInput, wanRule } from "../decisions/wan";
import { instantOf } from "../guides/callTime";
import { SourceBlock } from "../policies/SourceBlock";
import { UnitPicker } from "../users/UnitPicker";
import { useCreateChallenge } from "./hooks";
import { challengePrograms } from "./labels";

interface Values {
  program: string;
  title: string;
  requirements: string;
  technicalIndicators: string;
  performanceTargets: string;
  funding: string;
  coFunding: string;
  demandUnitId: string;
  bidDeadline: Dayjs;
}

const FIELDS = [
  "program",
  "title",
  "requirements",
  "technicalIndicators",
  "performanceTargets",
  "demandUnitId",
  "bidDeadline",
] as const;

/**
 * 新建榜单 (张榜, DT-RULES §15; LY-REFORM §三(三)2): the enterprise's need as a challenge list, with its
 * requirements, technical indicators, performance targets, the government's funding and the
 * enterprise's co-funding, and the bid deadline in Beijing time. Only programs whose policy runs open
 * challenges are offered, none preselected. It is saved as a draft and is public once published.
 */
export function ChallengeFormModal({
  open,
  policy,
  onClose,
}: {
  open: boolean;
  policy: Policy | undefined;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const [demandName, setDemandName] = useState<string>();
  const programs = challengePrograms(policy);
  const state = useFormModal({
    open,
    onClose,
    mutation: useCreateChallenge(),
    toVariables: (v: Values) => ({
      program: v.program,
      title: v.title.trim(),
      requirements: v.requirements.trim(),
      technicalIndicators: v.technicalIndicators.trim(),
      performanceTargets: v.performanceTargets.trim(),
      governmentFundingFen: fenOfCheckedWan(v.funding),
      enterpriseCoFundingFen: fenOfCheckedWan(v.coFunding),
      demandUnitId: v.demandUnitId,
      bidDeadline: instantOf(v.bidDeadline),
    }),
    fields: FIELDS,
    successText: t("榜单已保存为拟订稿", "Challenge saved as a draft"),
  });
  const modal = withConfirmation(state, (v) => {
    const unit = demandName ?? t("所选需求单位", "the demand unit chosen");
    const funding = wan(fenOfCheckedWan(v.funding), lang);
    const coFunding = wan(fenOfCheckedWan(v.coFunding), lang);
    const deadline = formatDateTime(instantOf(v.bidDeadline));
    return confirmAct({
      title: t("保存榜单？", "Save the challenge?"),
      content: t(
        `“${v.title.trim()}”保存为榜单拟订稿：需求单位${unit}，政府资助 ${funding}，企业配套 ${coFunding}，揭榜截止 ${deadline}（北京时间）。张榜发布前不对外公开；发布后榜单内容在公示页面公开。此操作记入审计日志。`,
        `"${v.title.trim()}" is saved as a draft: demand unit ${unit}, government funding ${funding}, enterprise co-funding ${coFunding}, bids close ${deadline} (Beijing time). Nothing is public until it is published; then the list is on the public page. The action is audited.`,
      ),
      okText: t("保存榜单", "Save the challenge"),
      testId: "challenge-create-confirm",
    });
  });
  const program = Form.useWatch("program", state.form);
  const source = programs
    .find((p) => p.code === program)
    ?.selectionModes.find((m) => m.mode === "openChallenge")?.source;
  const title = lengthLimit(200, t);
  const text = lengthLimit(4000, t);
  const longText = (min: number) => [
    { required: true, whitespace: true },
    { min, transform: trimmed },
    text.rule,
  ];

  return (
    <FormModal
      modal={modal}
      title={t("新建榜单", "New challenge")}
      okText={t("保存", "Save")}
      submitTestId="challenge-form-submit"
      formTestId="challenge-form"
    >
      <Form.Item
        name="program"
        label={t("计划类别", "Program")}
        rules={[{ required: true, message: t("请选择计划类别", "Choose the program") }]}
      >
        <Select
          data-testid="challenge-form-program"
          placeholder={t("请选择", "Choose")}
          options={codeOptions(programs, lang)}
        />
      </Form.Item>
      {source && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="challenge-form-clause"
          message={t("该计划类别采取“揭榜挂帅”方式。", "This program runs open challenges.")}
          description={<SourceBlock source={source} />}
        />
      )}
      <Form.Item
        name="title"
        label={t("榜单名称", "Title")}
        rules={[{ required: true, whitespace: true }, { min: 2, transform: trimmed }, title.rule]}
      >
        <Input count={title.count} data-testid="challenge-form-title" />
      </Form.Item>
      <Form.Item
        name="demandUnitId"
        label={t("需求单位（出题企业）", "Demand unit")}
        rules={[{ required: true }]}
      >
        <UnitPicker
          testId="challenge-form-demand-unit"
          placeholder={t("输入单位名称搜索", "Type to search units")}
          onPicked={setDemandName}
        />
      </Form.Item>
      <Form.Item name="requirements" label={t("榜单需求", "Requirements")} rules={longText(10)}>
        <Input.TextArea rows={4} count={text.count} data-testid="challenge-form-requirements" />
      </Form.Item>
      <Form.Item name="technicalIndicators" label={t("技术指标", "Technical indicators")} rules={longText(5)}>
        <Input.TextArea rows={3} count={text.count} data-testid="challenge-form-indicators" />
      </Form.Item>
      <Form.Item name="performanceTargets" label={t("绩效目标", "Performance targets")} rules={longText(5)}>
        <Input.TextArea rows={3} count={text.count} data-testid="challenge-form-targets" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="funding"
            label={t("政府资助（万元）", "Government funding (×10k CNY)")}
            required
            rules={[wanRule(lang, true)]}
          >
            <WanInput data-testid="challenge-form-funding" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="coFunding"
            label={t("企业配套（万元）", "Enterprise co-funding (×10k CNY)")}
            required
            rules={[wanRule(lang, true)]}
          >
            <WanInput data-testid="challenge-form-cofunding" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="bidDeadline"
        label={t("揭榜截止时间（北京时间）", "Bids close (Beijing time)")}
        rules={[
          { required: true },
          {
            validator: (_, d: Dayjs | undefined) =>
              !d || Date.parse(instantOf(d)) > Date.now()
                ? Promise.resolve()
                : Promise.reject(new Error(t("揭榜截止时间须晚于现在", "The deadline must lie ahead"))),
          },
        ]}
      >
        <DatePicker
          showTime={{ format: "HH:mm" }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: "100%" }}
          data-testid="challenge-form-deadline"
        />
      </Form.Item>
    </FormModal>
  );
}

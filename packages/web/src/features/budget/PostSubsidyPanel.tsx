import type { CityCode, PerformanceGrade } from "@luoshu/domain";
import { useMutation } from "@tanstack/react-query";
import { Button, Card, Descriptions, Form, Space } from "antd";
import { computePostSubsidy } from "../../api/budget";
import type { Policy } from "../../api/policies";
import { useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { ErrorAlert } from "../../components/ErrorAlert";
import { wan, yuan } from "../../components/money";
import { codeOptions, nameOptions } from "../../components/options";
import { Select } from "../../components/Select";
import { YuanInput, yuanRule } from "../../components/yuan";
import { gradeNames, percent } from "../policies/labels";
import { parseYuan } from "./parseYuan";

interface Values {
  program: string;
  grade: PerformanceGrade;
  verifiedRd: string;
}

export function PostSubsidyPanel({ city, policy }: { city: CityCode; policy?: Policy }) {
  const { lang, t } = useLocale();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({ mutationFn: computePostSubsidy });
  const rule = policy?.postSubsidy;
  const eligible = rule?.kind === "byGrade" ? new Set(rule.programs) : null;
  const programs = (policy?.programs ?? []).filter((p) => !eligible || eligible.has(p.code));

  const onFinish = (v: Values) => {
    const parsed = parseYuan(v.verifiedRd);
    if (!parsed.ok || parsed.fen === undefined) return;
    mutation.mutate({ city, program: v.program, grade: v.grade, verifiedRdFen: parsed.fen });
  };

  const r = mutation.data;
  return (
    <Card title={t("后补助测算", "Post-subsidy calculator")} data-testid="post-subsidy">
      <Form form={form} layout="inline" onFinish={onFinish} style={{ rowGap: 12 }}>
        <Form.Item
          name="program"
          label={t("计划类别", "Program")}
          rules={[{ required: true, message: t("请选择计划类别", "Choose a program") }]}
        >
          <Select
            style={{ width: 280 }}
            data-testid="post-subsidy-program"
            options={codeOptions(programs, lang)}
          />
        </Form.Item>
        <Form.Item
          name="grade"
          label={t("绩效等级", "Grade")}
          rules={[{ required: true, message: t("请选择绩效等级", "Choose a grade") }]}
        >
          <Select
            style={{ width: 120 }}
            data-testid="post-subsidy-grade"
            options={nameOptions(gradeNames, lang)}
          />
        </Form.Item>
        <Form.Item
          name="verifiedRd"
          label={t("经核定的研发投入", "Verified R&D spend")}
          rules={[{ required: true, message: t("请输入金额", "Enter an amount") }, yuanRule(lang)]}
        >
          <YuanInput style={{ width: 200 }} data-testid="post-subsidy-rd" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={mutation.isPending}
          data-testid="post-subsidy-submit"
        >
          {t("计算", "Calculate")}
        </Button>
      </Form>
      <Space direction="vertical" style={{ width: "100%", marginTop: 16 }}>
        <ErrorAlert error={mutation.error} />
        {r && (
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            data-testid="post-subsidy-result"
            items={[
              {
                key: "amount",
                label: t("补助金额", "Subsidy"),
                children: t(`${yuan(r.amountFen)}（${wan(r.amountFen, lang)}）`, yuan(r.amountFen)),
              },
              { key: "ratio", label: t("补助比例", "Ratio"), children: percent(r.ratioBp) },
              { key: "cap", label: t("补助上限", "Cap"), children: wan(r.capFen, lang) },
              {
                key: "clause",
                label: t("依据条款", "Clause"),
                children: r.clause ? <ClauseTag clause={r.clause} /> : "—",
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}

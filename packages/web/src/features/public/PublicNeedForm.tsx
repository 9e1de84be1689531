import type { CityCode } from "@luoshu/domain";
import { useMutation } from "@tanstack/react-query";
import { Button, Card, Col, Form, Input, Result, Row } from "antd";
import { submitPublicNeed } from "../../api/needs";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { lengthLimit } from "../../components/lengthLimit";
import { YuanInput, yuanRule } from "../../components/yuan";
import { parseYuan } from "../budget/parseYuan";

interface Values {
  title: string;
  field: string;
  problem: string;
  expectedIndicators?: string;
  coFunding?: string;
  submitterName: string;
  submitterContact: string;
}

const fields = [
  "title",
  "field",
  "problem",
  "expectedIndicators",
  "coFunding",
  "submitterName",
  "submitterContact",
];

/** 需求征集: anyone may put a technology need to the bureau ("企业出题"); no account needed. */
export function PublicNeedForm({ city, cityName }: { city: CityCode; cityName: string }) {
  const { lang, t } = useLocale();
  const [form] = Form.useForm<Values>();
  const submit = useMutation({ mutationFn: submitPublicNeed });
  const limits = {
    title: lengthLimit(200, t),
    field: lengthLimit(100, t),
    problem: lengthLimit(5000, t),
    expectedIndicators: lengthLimit(2000, t),
    submitterName: lengthLimit(100, t),
    submitterContact: lengthLimit(100, t),
  };

  const onFinish = (v: Values) => {
    const co = parseYuan(v.coFunding ?? "");
    submit.mutate(
      {
        city,
        title: v.title,
        field: v.field,
        problem: v.problem,
        expectedIndicators: v.expectedIndicators ?? "",
        coFundingFen: co.ok ? (co.fen ?? 0) : 0,
        submitterName: v.submitterName,
        submitterContact: v.submitterContact,
      },
      { onError: (err) => applyFieldErrors(form, err, lang, fields) },
    );
  };

  if (submit.data) {
    return (
      <Card data-testid="public-need-done">
        <Result
          status="success"
          title={t("需求已提交", "Need submitted")}
          subTitle={t(
            `${cityName}科技局将对需求进行分拣，采纳的需求将纳入申报指南编制。`,
            `The ${cityName} S&T bureau will triage it; accepted needs feed into the guides.`,
          )}
          extra={
            <Button
              onClick={() => {
                submit.reset();
                form.resetFields();
              }}
            >
              {t("再提交一条", "Submit another")}
            </Button>
          }
        />
      </Card>
    );
  }

  return (
    <Card
      title={t(`向${cityName}提交技术需求`, `Submit a technology need to ${cityName}`)}
      data-testid="public-need"
    >
      <ErrorAlert error={submit.error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="public-need-form">
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="title"
              label={t("需求名称", "Title")}
              rules={[{ required: true }, { min: 4 }, limits.title.rule]}
            >
              <Input count={limits.title.count} data-testid="public-need-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="field"
              label={t("技术领域", "Field")}
              rules={[{ required: true }, { min: 2 }, limits.field.rule]}
            >
              <Input count={limits.field.count} data-testid="public-need-field" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="problem"
              label={t("需解决的技术难题", "The problem to solve")}
              rules={[{ required: true }, { min: 10 }, limits.problem.rule]}
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 10 }}
                count={limits.problem.count}
                data-testid="public-need-problem"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="expectedIndicators"
              label={t("预期技术指标", "Expected indicators")}
              rules={[limits.expectedIndicators.rule]}
            >
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 6 }}
                count={limits.expectedIndicators.count}
                data-testid="public-need-indicators"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="coFunding"
              label={t("拟投入配套资金", "Co-funding offered")}
              rules={[yuanRule(lang)]}
            >
              <YuanInput data-testid="public-need-cofunding" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="submitterName"
              label={t("提出单位或个人", "Submitted by")}
              rules={[{ required: true }, { min: 2 }, limits.submitterName.rule]}
            >
              <Input count={limits.submitterName.count} data-testid="public-need-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="submitterContact"
              label={t("联系方式", "Contact")}
              rules={[{ required: true }, { min: 5 }, limits.submitterContact.rule]}
            >
              <Input count={limits.submitterContact.count} data-testid="public-need-contact" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="public-need-submit">
          {t("提交需求", "Submit")}
        </Button>
      </Form>
    </Card>
  );
}

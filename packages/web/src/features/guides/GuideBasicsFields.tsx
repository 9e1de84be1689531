import { unitKindNames } from "@luoshu/domain";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Form, Input, InputNumber, Row, Switch } from "antd";
import { fetchNeeds } from "../../api/needs";
import { useLocale } from "../../app/locale";
import { lengthLimit } from "../../components/lengthLimit";
import { codeOptions, nameOptions } from "../../components/options";
import { Select } from "../../components/Select";
import { YuanInput, yuanRule } from "../../components/yuan";
import { useCurrentUser } from "../auth/session";
import { useCurrentPolicy } from "../policies/hooks";
import { useDistricts } from "../reference/hooks";

/** A count the guide may leave empty; the placeholder says what empty means. */
function OptionalCountField(props: {
  name: string;
  label: string;
  max: number;
  placeholder: string;
  testId: string;
}) {
  return (
    <Col xs={12} lg={4}>
      <Form.Item name={props.name} label={props.label}>
        <InputNumber
          min={1}
          max={props.max}
          placeholder={props.placeholder}
          style={{ width: "100%" }}
          data-testid={props.testId}
        />
      </Form.Item>
    </Col>
  );
}

/** Title, program, money and eligibility of a guide. */
export function GuideBasicsFields() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const titleLimit = lengthLimit(200, t);
  const summaryLimit = lengthLimit(5000, t);
  const { policy } = useCurrentPolicy(me.city?.code ?? "");
  const form = Form.useFormInstance();
  const programCode = Form.useWatch("program", form);
  const program = policy.data?.programs.find((p) => p.code === programCode);
  // Only where the policy leaves the district review to the guide (e.g. Datong) may a call skip it.
  const routingIsGuides = policy.data?.districtReview.mode === "perGuide";
  const districts = useDistricts(undefined, Boolean(me.city));
  const canReadNeeds = me.permissions.includes("need.read");
  const needs = useQuery({
    queryKey: ["needs", { status: "accepted", page: 1, pageSize: 200 }],
    queryFn: () => fetchNeeds({ status: "accepted", page: 1, pageSize: 200 }),
    enabled: canReadNeeds,
  });

  return (
    <Card size="small" title={t("基本信息", "Overview")}>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Form.Item
            name="titleZh"
            label={t("指南名称", "Title")}
            rules={[{ required: true }, { min: 2 }, titleLimit.rule]}
          >
            <Input count={titleLimit.count} data-testid="guide-title" />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="year" label={t("年度", "Year")} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: "100%" }} data-testid="guide-year" />
          </Form.Item>
        </Col>
        <OptionalCountField
          name="districtQuota"
          label={t("每县区推荐名额", "Per-district quota")}
          max={1000}
          placeholder={t("不限", "None")}
          testId="guide-quota"
        />
        <OptionalCountField
          name="plannedCount"
          label={t("计划支持项目数", "Planned projects")}
          max={10000}
          placeholder={t("未定", "Open")}
          testId="guide-planned-count"
        />
        {routingIsGuides && (
          <Col xs={12} lg={4}>
            <Form.Item
              name="districtReview"
              label={t("经县区初审", "District review")}
              valuePropName="checked"
              tooltip={t(
                "本市政策未规定县区初审，由指南选择；不经初审的申报书直接进入形式审查（本市设定）",
                "The policy leaves the district review to each guide; without it, applications go straight to the formal check (city setting)",
              )}
            >
              <Switch data-testid="guide-district-review" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} lg={8}>
          <Form.Item name="program" label={t("计划类别", "Program")} rules={[{ required: true }]}>
            <Select
              loading={policy.isFetching}
              options={codeOptions(policy.data?.programs, lang)}
              data-testid="guide-program"
            />
          </Form.Item>
        </Col>
        {[
          { name: "minAmount", label: t("支持金额下限", "Minimum amount"), testId: "guide-min-amount" },
          { name: "maxAmount", label: t("支持金额上限", "Maximum amount"), testId: "guide-max-amount" },
        ].map((amount) => (
          <Col key={amount.name} xs={12} lg={8}>
            <Form.Item name={amount.name} label={amount.label} rules={[{ required: true }, yuanRule(lang)]}>
              <YuanInput data-testid={amount.testId} />
            </Form.Item>
          </Col>
        ))}
        <Col span={24}>
          <Form.Item name="summaryZh" label={t("指南说明", "Summary")} rules={[summaryLimit.rule]}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              count={summaryLimit.count}
              data-testid="guide-summary"
            />
          </Form.Item>
        </Col>
        {program?.fields && (
          <Col span={24}>
            <Form.Item
              name="fields"
              label={t("所属领域", "Fields")}
              tooltip={t("不选即本类项目的全部领域", "None: every field of the program")}
            >
              <Select
                mode="multiple"
                allowClear
                options={codeOptions(program.fields.items, lang)}
                data-testid="guide-fields"
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Form.Item
            name="unitKinds"
            label={t("可申报单位类型", "Eligible unit kinds")}
            rules={[{ required: true }]}
          >
            <Select
              mode="multiple"
              options={nameOptions(unitKindNames, lang)}
              data-testid="guide-unit-kinds"
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={6}>
          <Form.Item
            name="districts"
            label={t("限定县区", "Districts")}
            tooltip={t("不选即全市", "None: the whole city")}
          >
            <Select
              mode="multiple"
              allowClear
              placeholder={t("全市", "Whole city")}
              options={codeOptions(districts.data, lang)}
              data-testid="guide-districts"
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={6}>
          <Form.Item
            name="minCoFunding"
            label={t("最低配套资金", "Minimum co-funding")}
            rules={[yuanRule(lang)]}
          >
            <YuanInput data-testid="guide-min-cofunding" />
          </Form.Item>
        </Col>
        {canReadNeeds && (
          <Col span={24}>
            <Form.Item name="needIds" label={t("来源需求（已采纳）", "From accepted needs")}>
              <Select
                mode="multiple"
                allowClear
                loading={needs.isFetching}
                options={needs.data?.items.map((n) => ({ value: n.id, label: n.title }))}
                data-testid="guide-needs"
              />
            </Form.Item>
          </Col>
        )}
      </Row>
    </Card>
  );
}

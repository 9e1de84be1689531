import { unitKindNames } from "@luoshu/domain";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Form, Input, InputNumber, Row, Select } from "antd";
import { fetchNeeds } from "../../api/needs";
import { useLocale } from "../../app/locale";
import { codeOptions, nameOptions } from "../../components/options";
import { YuanInput, yuanRule } from "../../components/yuan";
import { useCurrentUser } from "../auth/session";
import { useCurrentPolicy } from "../policies/hooks";
import { useDistricts } from "../reference/hooks";

/** Title, program, money and eligibility of a guide. */
export function GuideBasicsFields() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { policy } = useCurrentPolicy(me.city?.code ?? "");
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
            rules={[{ required: true }, { min: 2, max: 200 }]}
          >
            <Input data-testid="guide-title" />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="year" label={t("年度", "Year")} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: "100%" }} data-testid="guide-year" />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="districtQuota" label={t("每县区推荐名额", "Per-district quota")}>
            <InputNumber
              min={1}
              max={1000}
              placeholder={t("不限", "None")}
              style={{ width: "100%" }}
              data-testid="guide-quota"
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <Form.Item name="program" label={t("计划类别", "Program")} rules={[{ required: true }]}>
            <Select
              loading={policy.isFetching}
              options={codeOptions(policy.data?.programs, lang)}
              data-testid="guide-program"
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={8}>
          <Form.Item
            name="minAmount"
            label={t("支持金额下限", "Minimum amount")}
            rules={[{ required: true }, yuanRule(lang)]}
          >
            <YuanInput data-testid="guide-min-amount" />
          </Form.Item>
        </Col>
        <Col xs={12} lg={8}>
          <Form.Item
            name="maxAmount"
            label={t("支持金额上限", "Maximum amount")}
            rules={[{ required: true }, yuanRule(lang)]}
          >
            <YuanInput data-testid="guide-max-amount" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="summaryZh" label={t("指南说明", "Summary")}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={5000}
              data-testid="guide-summary"
            />
          </Form.Item>
        </Col>
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

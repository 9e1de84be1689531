import { ConfigProvider, Form, type FormInstance, Space } from "antd";
import type { Application } from "../../../api/applications";
import type { Guide } from "../../../api/guides";
import type { ApplicationFormValues } from "./applicationForm";
import { BasicSection } from "./BasicSection";
import { BudgetSection } from "./BudgetSection";
import { ContentSection } from "./ContentSection";
import { FundingSection } from "./FundingSection";
import { MilestonesSection } from "./MilestonesSection";
import { PartnersSection } from "./PartnersSection";
import { TargetsSection } from "./TargetsSection";
import { TeamSection } from "./TeamSection";

const readOnlyTheme = {
  token: { colorTextDisabled: "rgba(0, 0, 0, 0.88)", colorBgContainerDisabled: "#fafafa" },
};

/** The whole application, one card per section; read-only (`disabled`) outside the applicant's turn. */
export function ApplicationForm({
  form,
  application,
  guide,
  disabled,
  onValuesChange,
}: {
  form: FormInstance<ApplicationFormValues>;
  application: Application;
  guide?: Guide;
  disabled: boolean;
  onValuesChange?: (changed: unknown) => void;
}) {
  // read-only forms keep the text legible: disabled grey is for controls one could use, not for a record
  const content = (
    <Form
      form={form}
      layout="vertical"
      disabled={disabled}
      onValuesChange={onValuesChange}
      data-testid="application-form"
    >
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <BasicSection fieldOptions={guide?.fieldOptions ?? []} />
        <ContentSection />
        <TargetsSection disabled={disabled} />
        <MilestonesSection disabled={disabled} />
        <TeamSection disabled={disabled} />
        <PartnersSection disabled={disabled} />
        <BudgetSection city={application.cityCode} policyVersion={application.policyVersion} guide={guide} />
        <FundingSection guide={guide} />
      </Space>
    </Form>
  );
  return disabled ? <ConfigProvider theme={readOnlyTheme}>{content}</ConfigProvider> : content;
}

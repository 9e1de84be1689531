import { Card, Col, DatePicker, Input, Row } from "antd";
import type { Guide } from "../../../api/guides";
import { useLocale } from "../../../app/locale";
import { dateStringProps } from "../../../components/dateField";
import { lengthLimit } from "../../../components/lengthLimit";
import { codeOptions } from "../../../components/options";
import { Select } from "../../../components/Select";
import { ProblemItem } from "./problems";

/** `fieldOptions`: where the program's documents list its fields, the applicant picks one of them. */
export function BasicSection({ fieldOptions }: { fieldOptions: Guide["fieldOptions"] }) {
  const { lang, t } = useLocale();
  const title = lengthLimit(200, t);
  const field = lengthLimit(100, t);
  const abstract = lengthLimit(3000, t);
  const keywords = lengthLimit(200, t);
  return (
    <Card size="small" title={t("一、基本信息", "1. Basic information")} data-testid="section-basic">
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <ProblemItem
            path="basic.title"
            name={["basic", "title"]}
            label={t("项目名称", "Title")}
            required
            rules={[title.rule]}
          >
            <Input count={title.count} data-testid="app-title" />
          </ProblemItem>
        </Col>
        <Col xs={24} lg={8}>
          <ProblemItem
            path="basic.field"
            name={["basic", "field"]}
            label={t("所属领域", "Field")}
            rules={[field.rule]}
          >
            {fieldOptions.length > 0 ? (
              <Select options={codeOptions(fieldOptions, lang)} data-testid="app-field" />
            ) : (
              <Input count={field.count} data-testid="app-field" />
            )}
          </ProblemItem>
        </Col>
        <Col span={24}>
          <ProblemItem
            path="basic.abstract"
            name={["basic", "abstract"]}
            label={t("项目摘要", "Abstract")}
            required
            rules={[abstract.rule]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 10 }}
              count={abstract.count}
              data-testid="app-abstract"
            />
          </ProblemItem>
        </Col>
        <Col xs={24} lg={12}>
          <ProblemItem
            path="basic.keywords"
            name={["basic", "keywords"]}
            label={t("关键词", "Keywords")}
            rules={[keywords.rule]}
          >
            <Input
              count={keywords.count}
              placeholder={t("以逗号分隔", "Comma-separated")}
              data-testid="app-keywords"
            />
          </ProblemItem>
        </Col>
        <Col xs={12} lg={6}>
          <ProblemItem
            path="basic.startDate"
            name={["basic", "startDate"]}
            label={t("开始日期", "Start date")}
            required
            {...dateStringProps}
          >
            <DatePicker style={{ width: "100%" }} data-testid="app-start-date" />
          </ProblemItem>
        </Col>
        <Col xs={12} lg={6}>
          <ProblemItem
            path="basic.endDate"
            name={["basic", "endDate"]}
            label={t("结束日期", "End date")}
            required
            {...dateStringProps}
          >
            <DatePicker style={{ width: "100%" }} data-testid="app-end-date" />
          </ProblemItem>
        </Col>
      </Row>
    </Card>
  );
}

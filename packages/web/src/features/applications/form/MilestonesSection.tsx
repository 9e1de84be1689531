import { Col, DatePicker, Input } from "antd";
import { useLocale } from "../../../app/locale";
import { dateStringProps } from "../../../components/dateField";
import { lengthLimit } from "../../../components/lengthLimit";
import { ListSection } from "./ListSection";
import { ProblemItem, SectionProblems } from "./problems";

export function MilestonesSection({ disabled }: { disabled?: boolean }) {
  const { t } = useLocale();
  const description = lengthLimit(1000, t);
  const deliverable = lengthLimit(500, t);
  return (
    <ListSection
      name="milestones"
      title={t("四、里程碑计划", "4. Milestones")}
      testId="section-milestones"
      disabled={disabled}
      notice={<SectionProblems match={(p) => p === "milestones"} testId="problems-milestones" />}
      newItem={() => ({ dueDate: "", description: "", deliverable: "" })}
      renderRow={(f, i) => (
        <>
          <Col xs={24} md={5}>
            <ProblemItem
              path={`milestones.${i}.dueDate`}
              name={[f.name, "dueDate"]}
              label={t("完成时间", "Due")}
              {...dateStringProps}
            >
              <DatePicker style={{ width: "100%" }} data-testid={`milestone-due-${i}`} />
            </ProblemItem>
          </Col>
          <Col xs={24} md={11}>
            <ProblemItem
              path={`milestones.${i}.description`}
              name={[f.name, "description"]}
              label={t("阶段任务", "Work")}
              rules={[description.rule]}
            >
              <Input count={description.count} data-testid={`milestone-description-${i}`} />
            </ProblemItem>
          </Col>
          <Col xs={24} md={8}>
            <ProblemItem
              path={`milestones.${i}.deliverable`}
              name={[f.name, "deliverable"]}
              label={t("交付成果", "Deliverable")}
              rules={[deliverable.rule]}
            >
              <Input count={deliverable.count} data-testid={`milestone-deliverable-${i}`} />
            </ProblemItem>
          </Col>
        </>
      )}
    />
  );
}

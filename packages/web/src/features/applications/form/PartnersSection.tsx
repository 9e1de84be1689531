import { validateUscc } from "@luoshu/domain";
import { Col, Input } from "antd";
import type { Rule } from "antd/es/form";
import { pickLang, useLocale } from "../../../app/locale";
import { lengthLimit } from "../../../components/lengthLimit";
import { ListSection } from "./ListSection";
import { ProblemItem, SectionProblems } from "./problems";

export function PartnersSection({ disabled }: { disabled?: boolean }) {
  const { lang, t } = useLocale();
  const name = lengthLimit(100, t);
  const role = lengthLimit(300, t);
  const usccRule: Rule = {
    validator: (_, v: string | undefined) => {
      if (!v?.trim()) return Promise.resolve();
      const r = validateUscc(v.trim().toUpperCase());
      return r.ok ? Promise.resolve() : Promise.reject(new Error(pickLang(lang, r.messageZh, r.messageEn)));
    },
  };
  return (
    <ListSection
      name="partners"
      title={t("六、合作单位", "6. Partner units")}
      testId="section-partners"
      disabled={disabled}
      notice={<SectionProblems match={(p) => p === "partners"} testId="problems-partners" />}
      newItem={() => ({ name: "", uscc: "", role: "" })}
      renderRow={(f, i) => (
        <>
          <Col xs={24} md={9}>
            <ProblemItem
              path={`partners.${i}.name`}
              name={[f.name, "name"]}
              label={t("单位名称", "Name")}
              rules={[name.rule]}
            >
              <Input count={name.count} data-testid={`partner-name-${i}`} />
            </ProblemItem>
          </Col>
          <Col xs={24} md={7}>
            <ProblemItem
              path={`partners.${i}.uscc`}
              name={[f.name, "uscc"]}
              label={t("统一社会信用代码", "USCC")}
              rules={[usccRule]}
            >
              <Input data-testid={`partner-uscc-${i}`} />
            </ProblemItem>
          </Col>
          <Col xs={24} md={8}>
            <ProblemItem
              path={`partners.${i}.role`}
              name={[f.name, "role"]}
              label={t("分工", "Role")}
              rules={[role.rule]}
            >
              <Input count={role.count} data-testid={`partner-role-${i}`} />
            </ProblemItem>
          </Col>
        </>
      )}
    />
  );
}

import { validateResidentId } from "@luoshu/domain";
import { Col, Form, Input, InputNumber, type InputProps, Space, Tag } from "antd";
import type { Rule } from "antd/es/form";
import { pickLang, useLocale } from "../../../app/locale";
import { lengthLimit } from "../../../components/lengthLimit";
import { Select } from "../../../components/Select";
import type { MemberRow } from "./applicationForm";
import { ListSection } from "./ListSection";
import { ProblemItem, SectionProblems } from "./problems";

/** The ID number field: it says so when a number is stored, which is never shown in full. */
function IdInput({ index, readOnly, ...props }: InputProps & { index: number; readOnly?: boolean }) {
  const { t } = useLocale();
  const stored = Form.useWatch<string | null | undefined>(["team", index, "idNumberMasked"]);
  const placeholder = readOnly
    ? undefined
    : stored
      ? t("已保存，不显示；更换时输入新号码", "Stored and hidden; type to replace")
      : t("18 位居民身份证号码", "18-character resident ID number");
  // no maxLength: a pasted number too long is kept and flagged by the ID rule, never cut to fit
  return <Input {...props} autoComplete="off" placeholder={placeholder} />;
}

/** What the server knows of a member's ID number: masked, valid or not, age and youth at the call's date. */
function IdFacts({ index }: { index: number }) {
  const { t } = useLocale();
  const m = Form.useWatch<MemberRow | undefined>(["team", index]);
  if (!m?.idNumberMasked) return null;
  return (
    <Space size={4} wrap data-testid={`team-id-facts-${index}`}>
      <Tag color={m.idNumberValid ? "green" : "red"}>
        {m.idNumberValid
          ? t(`${m.idNumberMasked} 有效`, `${m.idNumberMasked} valid`)
          : t("已保存的号码无效", "The stored number is invalid")}
      </Tag>
      {m.age !== null && m.age !== undefined && <Tag>{t(`${m.age} 岁`, `age ${m.age}`)}</Tag>}
      {m.youth && <Tag color="gold">{t("青年", "Youth")}</Tag>}
    </Space>
  );
}

export function TeamSection({ disabled }: { disabled?: boolean }) {
  const { lang, t } = useLocale();
  const name = lengthLimit(50, t);
  const title = lengthLimit(50, t);
  const unitName = lengthLimit(100, t);

  const idRule = (): Rule => ({
    validator: (_, v: string | undefined) => {
      if (!v?.trim()) return Promise.resolve();
      const r = validateResidentId(v.trim().toUpperCase());
      return r.ok ? Promise.resolve() : Promise.reject(new Error(pickLang(lang, r.messageZh, r.messageEn)));
    },
  });

  return (
    <ListSection
      name="team"
      title={t("五、项目团队", "5. Project team")}
      testId="section-team"
      disabled={disabled}
      notice={<SectionProblems match={(p) => p === "team"} testId="problems-team" />}
      newItem={(): MemberRow => ({
        name: "",
        role: "member",
        title: "",
        unitName: "",
        workMonths: 0,
        idNumber: "",
      })}
      renderRow={(f, i) => (
        <>
          <Col xs={12} md={4}>
            <ProblemItem
              path={`team.${i}.name`}
              name={[f.name, "name"]}
              label={t("姓名", "Name")}
              rules={[name.rule]}
            >
              <Input count={name.count} data-testid={`team-name-${i}`} />
            </ProblemItem>
          </Col>
          <Col xs={12} md={3}>
            <ProblemItem path={`team.${i}.role`} name={[f.name, "role"]} label={t("角色", "Role")}>
              <Select
                data-testid={`team-role-${i}`}
                options={[
                  { value: "pi", label: t("项目负责人", "PI") },
                  { value: "member", label: t("成员", "Member") },
                ]}
              />
            </ProblemItem>
          </Col>
          <Col xs={12} md={3}>
            <ProblemItem
              path={`team.${i}.title`}
              name={[f.name, "title"]}
              label={t("职称", "Title")}
              rules={[title.rule]}
            >
              <Input count={title.count} data-testid={`team-title-${i}`} />
            </ProblemItem>
          </Col>
          <Col xs={12} md={5}>
            <ProblemItem
              path={`team.${i}.unitName`}
              name={[f.name, "unitName"]}
              label={t("工作单位", "Unit")}
              rules={[unitName.rule]}
            >
              <Input count={unitName.count} data-testid={`team-unit-${i}`} />
            </ProblemItem>
          </Col>
          <Col xs={8} md={3}>
            <ProblemItem
              path={`team.${i}.workMonths`}
              name={[f.name, "workMonths"]}
              label={t("投入月数", "Months")}
            >
              <InputNumber min={0} max={120} style={{ width: "100%" }} data-testid={`team-months-${i}`} />
            </ProblemItem>
          </Col>
          <Col xs={16} md={6}>
            <ProblemItem
              path={`team.${i}.idNumber`}
              name={[f.name, "idNumber"]}
              label={t("身份证号", "Resident ID")}
              rules={[idRule()]}
              extra={<IdFacts index={i} />}
            >
              <IdInput index={i} readOnly={disabled} data-testid={`team-id-${i}`} />
            </ProblemItem>
          </Col>
        </>
      )}
    />
  );
}

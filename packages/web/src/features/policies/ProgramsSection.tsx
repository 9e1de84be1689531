import { Collapse, Space, Tag, Typography } from "antd";
import type { PolicyProgram } from "../../api/policies";
import { pickLang, useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { fundingModeNames, nameOf, selectionModeNames } from "./labels";
import { RuleItem } from "./SourceBlock";

/** 原则上: a cap the leader may exceed with a recorded reason, unlike a cap stated without it. */
function InPrincipleTag() {
  const { t } = useLocale();
  return (
    <Tag
      color="orange"
      title={t(
        "超出须经局领导决定并记录理由",
        "Exceeding it is the leader's decision, with a recorded reason",
      )}
    >
      {t("原则上", "In principle")}
    </Tag>
  );
}

function ProgramBody({ p }: { p: PolicyProgram }) {
  const { lang, t } = useLocale();
  return (
    <div>
      <RuleItem title={t("设立依据", "Basis")} source={p.source} />
      {p.yearlyCap && (
        <RuleItem title={t("年度立项上限", "Yearly cap")} source={p.yearlyCap.source}>
          {t(`每年立项不超过 ${p.yearlyCap.count} 项`, `at most ${p.yearlyCap.count} approved a year`)}{" "}
          {p.yearlyCap.inPrinciple && <InPrincipleTag />}
        </RuleItem>
      )}
      {p.perProjectCapFen && (
        <RuleItem title={t("单项资助上限", "Per-project cap")} source={p.perProjectCapFen.source}>
          {wan(p.perProjectCapFen.amountFen, lang)}{" "}
          {p.perProjectCapFen.lumpSum && <Tag>{t("包干制", "Lump sum")}</Tag>}
          {p.perProjectCapFen.inPrinciple && <InPrincipleTag />}
        </RuleItem>
      )}
      {p.fields && (
        <RuleItem title={t("所属领域", "Fields")} source={p.fields.source}>
          {p.fields.items.map((f) => (
            <Tag key={f.code}>{pickLang(lang, f.nameZh, f.nameEn)}</Tag>
          ))}
        </RuleItem>
      )}
      {p.selectionModes.map((s) => (
        <RuleItem key={s.mode} title={t("遴选方式", "Selection")} source={s.source}>
          {nameOf(selectionModeNames, s.mode, lang)}
        </RuleItem>
      ))}
      {p.subKinds && (
        <RuleItem title={t("子类", "Sub-kinds")}>
          {p.subKinds.map((k) => (
            <Tag key={k.code}>{pickLang(lang, k.nameZh, k.nameEn)}</Tag>
          ))}
        </RuleItem>
      )}
    </div>
  );
}

export function ProgramsSection({ programs }: { programs: PolicyProgram[] }) {
  const { lang, t } = useLocale();
  if (programs.length === 0) return <Typography.Text type="secondary">{t("无", "None")}</Typography.Text>;
  return (
    <Collapse
      data-testid="policy-programs"
      items={programs.map((p) => ({
        key: p.code,
        label: (
          <Space wrap>
            <Typography.Text strong>{pickLang(lang, p.nameZh, p.nameEn)}</Typography.Text>
            <Tag color="blue">{nameOf(fundingModeNames, p.fundingMode, lang)}</Tag>
            {p.yearlyCap && <Tag>{t(`年度限 ${p.yearlyCap.count} 项`, `${p.yearlyCap.count} per year`)}</Tag>}
            {p.perProjectCapFen && (
              <Tag color="gold">
                {t(
                  `单项上限 ${wan(p.perProjectCapFen.amountFen, lang)}`,
                  `Cap ${wan(p.perProjectCapFen.amountFen, lang)}`,
                )}
              </Tag>
            )}
          </Space>
        ),
        children: <ProgramBody p={p} />,
      }))}
    />
  );
}

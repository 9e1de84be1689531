import { Descriptions, Space } from "antd";
import type { ReactNode } from "react";
import type { ProjectLife } from "../../api/projectLife";
import { useLocale } from "../../app/locale";
import { capitalized } from "../applications/labels";
import { Citation } from "../reviews/HorseRaceModal";
import {
  balanceRuleNames,
  closureGroundNames,
  listingKindNames,
  sanctionAuthorityNames,
  sanctionKindNames,
  subjectsText,
} from "./labels";

/** A rule with its clause or the mark of a city setting beside it. */
function Rule({
  children,
  source,
}: {
  children: ReactNode;
  source: ProjectLife["rules"]["terminationSource"];
}) {
  return (
    <Space size={4} wrap>
      <span>{children}</span>
      <Citation source={source} />
    </Space>
  );
}

/** The city's rules on ending a project early and on sanctions, each with where it comes from. */
export function LifeRules({ rules: r }: { rules: ProjectLife["rules"] }) {
  const { lang, t } = useLocale();
  const sep = lang === "zh" ? "；" : "; ";
  const listing = r.listing;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { whiteSpace: "nowrap", width: 150 } }}
      items={[
        {
          key: "termination",
          label: t("终止事由", "Termination grounds"),
          children: (
            <Rule source={r.terminationSource}>
              {r.terminationGrounds.map((g) => closureGroundNames[g][lang]).join(sep)}
              {t("；由承担单位申请，市科技局审定", "; the unit applies, the bureau decides")}
            </Rule>
          ),
        },
        {
          key: "balance",
          label: t("终止时结余资金", "Balance on termination"),
          children: <Rule source={r.balanceSource}>{balanceRuleNames[r.balanceRule][lang]}</Rule>,
        },
        {
          key: "revocation",
          label: t("撤销事由", "Revocation grounds"),
          children: (
            <Rule source={r.revocationSource}>
              {r.revocationGrounds.map((g) => closureGroundNames[g][lang]).join(sep)}
              {t("；撤销后追缴已拨资金", "; everything paid is recovered")}
            </Rule>
          ),
        },
        {
          key: "listing",
          label: t("撤销后诚信记录", "Record on revocation"),
          children: (
            <Rule source={listing.source}>
              {t(
                `${subjectsText(listing.subjects, lang)}列入${listingKindNames[listing.kind].zh}，${listing.years === null ? "直至作出解除决定" : `期限 ${listing.years} 年`}`,
                `${capitalized(subjectsText(listing.subjects, lang))} go on ${listingKindNames[listing.kind].en}, ${listing.years === null ? "until lifted by a decision" : `for ${listing.years} years`}`,
              )}
            </Rule>
          ),
        },
        {
          key: "sanctions",
          label: t("处理措施", "Sanctions"),
          children: (
            <Rule source={r.sanctionSource}>
              {r.sanctionKinds.map((k) => sanctionKindNames[k][lang]).join(lang === "zh" ? "、" : ", ")}
              {t(
                `；由${r.sanctionAuthorities.map((a) => sanctionAuthorityNames[a].zh).join("、")}作出`,
                `; by the ${r.sanctionAuthorities.map((a) => sanctionAuthorityNames[a].en).join(" or the ")}`,
              )}
            </Rule>
          ),
        },
      ]}
    />
  );
}

import { Space } from "antd";
import type { ReactNode } from "react";
import type { Challenge } from "../../api/challenges";
import { formatDateTime } from "../../components/time";
import { Citation } from "../reviews/HorseRaceModal";

type Translate = (zh: string, en: string) => string;
type Source = Challenge["steps"]["cityGovernment"];

/** A sentence with the clause it follows right after its claim: "录入后方可公示…[LY-REFORM §三(二)1]。…" */
export function cited(claim: string, source: Source, rest = ""): ReactNode {
  return (
    <span>
      {claim}
      {source && (
        <>
          {" "}
          <Citation source={source} />
        </>
      )}
      {rest}
    </span>
  );
}

/**
 * The steps of the city's decision this challenge's program takes beside the notice, each with its
 * clause and, once taken, what was recorded (LY-REFORM §三(二)1: the city government's approval
 * before the notice; LY-FUNDS §12: finance co-signs before the agreement). A program that takes
 * neither (Datong) shows neither. Keyed to sit in the card's details in the order of the path.
 */
export function decisionStepItems(c: Challenge, t: Translate) {
  const cityGovernment = c.steps.cityGovernment && {
    key: "cityGovernment",
    label: t("市政府批准", "City government's approval"),
    children: (
      <Space size={4} wrap>
        <span data-testid={`challenge-${c.id}-cityGovernment`}>
          {c.cityGovernment
            ? t(
                `${c.cityGovernment.docNumber}（${c.cityGovernment.approvedOn} 批准）`,
                `${c.cityGovernment.docNumber} (approved ${c.cityGovernment.approvedOn})`,
              )
            : t("公示前须经市政府批准，尚未录入", "Needed before the notice; not yet recorded")}
        </span>
        <Citation source={c.steps.cityGovernment} />
      </Space>
    ),
  };
  const coSign = c.steps.coSign && {
    key: "coSign",
    label: t("财政会签", "Finance co-sign"),
    children: (
      <Space size={4} wrap>
        <span data-testid={`challenge-${c.id}-coSigned`}>
          {c.coSigned
            ? t(
                `${c.coSigned.byName}（${formatDateTime(c.coSigned.at)}）`,
                `${c.coSigned.byName} (${formatDateTime(c.coSigned.at)})`,
              )
            : t("签订三方协议前须经市财政局会签，尚未会签", "Needed before the agreement; not yet co-signed")}
        </span>
        <Citation source={c.steps.coSign} />
      </Space>
    ),
  };
  return { cityGovernment: cityGovernment || null, coSign: coSign || null };
}

import { ReloadOutlined } from "@ant-design/icons";
import { drawSpotCheck } from "@luoshu/domain";
import { Button, Card, Descriptions, Space, Tag, Typography } from "antd";
import { useState } from "react";
import type { PublicDraw } from "../../api/supervision";
import { pickLang, useLocale } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import { Citation } from "../reviews/HorseRaceModal";

/** The numbers as tags; a long eligible list scrolls inside its box instead of stretching the page. */
function Numbers({ numbers, color, testId }: { numbers: readonly string[]; color?: string; testId: string }) {
  return (
    <div
      data-testid={testId}
      style={{ maxHeight: 160, overflowY: "auto", display: "flex", flexWrap: "wrap", gap: 4 }}
    >
      {numbers.map((n) => (
        <Tag key={n} color={color} style={{ fontFamily: "monospace", marginInlineEnd: 0 }}>
          {n}
        </Tag>
      ))}
    </div>
  );
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A published draw: the city, the cycle, the rate and where it comes from, the algorithm in words,
 * the seed, the eligible and the drawn numbers; and a button that draws again in this browser with
 * the domain's own function on the published inputs and says whether the result is the same.
 */
export function DrawCard({ draw: d }: { draw: PublicDraw }) {
  const { lang, t } = useLocale();
  const [again, setAgain] = useState<string[] | null>(null);
  const same = again !== null && sameList(again, d.drawn);
  const id = `draw-${d.city}-${d.cycle}`;
  return (
    <Card
      data-testid={id}
      title={
        <Space wrap>
          <span>
            {t(`${d.cityNameZh} · ${d.cycle} 年度随机抽查`, `${d.cityNameZh} · spot check ${d.cycle}`)}
          </span>
          <Citation source={d.source} />
        </Space>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { whiteSpace: "nowrap", width: 160 } }}
        items={[
          {
            key: "rate",
            label: t("抽查比例", "Rate"),
            children: (
              <Space size={4}>
                <span data-testid={`${id}-rate`}>{d.ratePercent}%</span>
                <Citation source={d.rateSource} />
              </Space>
            ),
          },
          {
            key: "seed",
            label: t("随机种子", "Seed"),
            children: (
              <Typography.Text code copyable data-testid={`${id}-seed`}>
                {String(d.seed)}
              </Typography.Text>
            ),
          },
          {
            key: "algorithm",
            label: t("抽取算法", "Algorithm"),
            children: (
              <Space direction="vertical" size={2}>
                <Typography.Text code>{d.algorithm}</Typography.Text>
                <span data-testid={`${id}-algorithm`}>{pickLang(lang, d.algorithmZh, d.algorithmEn)}</span>
              </Space>
            ),
          },
          { key: "at", label: t("抽取时间", "Drawn at"), children: formatDateTime(d.drawnAt) },
          {
            key: "eligible",
            label: t(`待抽查项目（${d.eligible.length} 个）`, `Eligible (${d.eligible.length})`),
            children: <Numbers numbers={d.eligible} testId={`${id}-eligible`} />,
          },
          {
            key: "drawn",
            label: t(`抽中项目（${d.drawn.length} 个）`, `Drawn (${d.drawn.length})`),
            children: <Numbers numbers={d.drawn} color="volcano" testId={`${id}-drawn`} />,
          },
          {
            key: "verify",
            label: t("本机核验", "Check here"),
            children: (
              <Space direction="vertical" size={4}>
                <Space wrap>
                  <Button
                    icon={<ReloadOutlined />}
                    onClick={() => setAgain(drawSpotCheck(d.eligible, d.ratePercent, d.seed))}
                    data-testid={`${id}-verify`}
                  >
                    {t("在本机重新抽取核验", "Draw again in this browser")}
                  </Button>
                  {again !== null && (
                    <Typography.Text
                      strong
                      type={same ? "success" : "danger"}
                      data-testid={`${id}-verdict`}
                      role="status"
                    >
                      {same
                        ? t(
                            "✓ 一致：本机抽取结果与公布名单相同",
                            "✓ Same: this browser drew the published list",
                          )
                        : t("✗ 不一致：本机抽取结果与公布名单不同", "✗ Different from the published list")}
                    </Typography.Text>
                  )}
                </Space>
                {again !== null && (
                  <Space size={4} align="start">
                    <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                      {t("本机抽中：", "Drawn here:")}
                    </Typography.Text>
                    <Numbers numbers={again} testId={`${id}-again`} />
                  </Space>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

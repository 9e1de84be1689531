import { HistoryOutlined } from "@ant-design/icons";
import { type IntegrityKind, integrityKindNames } from "@luoshu/domain";
import { Button, Descriptions, Popover, Tag } from "antd";
import type { ProposedListEntry } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { gradeNames, nameOf } from "../policies/labels";

const kindName = (kind: IntegrityKind, lang: "zh" | "en") => integrityKindNames[kind][lang];

/**
 * 既往科研业绩、信用记录 (LY-REFORM §三(二)1): the unit's and the PI's earlier projects, their
 * completion grades and integrity records on this platform, for the collective decision to weigh.
 */
export function EntryHistory({ entry }: { entry: ProposedListEntry }) {
  const { lang, t } = useLocale();
  const h = entry.history;
  const flagged = h.integrityRecords.length > 0;
  const content = (
    <Descriptions
      size="small"
      column={1}
      style={{ maxWidth: 420 }}
      items={[
        {
          key: "unit",
          label: t("单位既往立项", "Unit's projects"),
          children: t(`${h.unitProjects} 项`, `${h.unitProjects}`),
        },
        {
          key: "pi",
          label: t("负责人既往立项", "PI's projects"),
          children: t(`${h.piProjects} 项`, `${h.piProjects}`),
        },
        {
          key: "grades",
          label: t("结题等级", "Completion grades"),
          children:
            h.grades.length === 0
              ? "—"
              : h.grades.map((g) => (
                  <div key={g.number}>
                    <code>{g.number}</code> {nameOf(gradeNames, g.grade, lang)}
                    {g.grade === "fail" && !g.countsAgainst && (
                      <Tag color="green" style={{ marginLeft: 8 }}>
                        {t("勤勉尽责，宽容失败，不计", "Diligent failure: not counted")}
                      </Tag>
                    )}
                  </div>
                )),
        },
        {
          key: "integrity",
          label: t("信用记录", "Integrity records"),
          children:
            h.integrityRecords.length === 0
              ? t("无", "None")
              : h.integrityRecords.map((r, i) => (
                  <div key={`${r.subject}-${r.kind}-${i}`}>
                    <Tag color="red">{r.subject === "unit" ? t("单位", "Unit") : t("负责人", "PI")}</Tag>
                    {kindName(r.kind, lang)}
                    {r.until ? t(`（至 ${r.until}）`, ` (until ${r.until})`) : t("（长期）", " (permanent)")}
                  </div>
                )),
        },
      ]}
    />
  );
  return (
    <Popover content={content} title={t("既往业绩与信用", "Record and integrity")} trigger="click">
      <Button
        size="small"
        type={flagged ? "primary" : "default"}
        danger={flagged}
        icon={<HistoryOutlined />}
        data-testid={`entry-history-${entry.applicationNumber}`}
      >
        {t(`单位 ${h.unitProjects} · 负责人 ${h.piProjects}`, `Unit ${h.unitProjects} · PI ${h.piProjects}`)}
        {flagged && t(" · 有信用记录", " · integrity records")}
      </Button>
    </Popover>
  );
}

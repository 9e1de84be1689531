import { expertStatusNames } from "@luoshu/domain";
import { Button, Descriptions, Drawer, Space, Tag } from "antd";
import type { Expert } from "../../api/experts";
import { pickLang, useLocale } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import { disciplineLabel } from "./disciplineLabel";

/** One expert's profile; the pool's manager suspends or reinstates from here. */
export function ExpertDrawer({
  expert,
  canManage,
  onClose,
  onSuspension,
}: {
  expert: Expert | null;
  canManage: boolean;
  onClose: () => void;
  onSuspension: (e: Expert) => void;
}) {
  const { lang, t } = useLocale();
  const e = expert;
  return (
    <Drawer
      open={e !== null}
      onClose={onClose}
      width={560}
      title={e ? `${e.displayName}（${e.username}）` : ""}
      data-testid="expert-drawer"
      extra={
        e &&
        canManage && (
          <Button
            danger={e.status === "active"}
            onClick={() => onSuspension(e)}
            data-testid="expert-suspension"
          >
            {e.status === "active" ? t("暂停", "Suspend") : t("恢复", "Reinstate")}
          </Button>
        )
      }
    >
      {e && (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t("状态", "Status")}>
            <Space wrap>
              <Tag color={e.status === "active" ? "green" : "red"} data-testid="expert-drawer-status">
                {pickLang(lang, expertStatusNames[e.status].zh, expertStatusNames[e.status].en)}
              </Tag>
              {e.status === "suspended" && (
                <span>
                  {e.suspensionReason}（{e.suspendedAt ? formatDateTime(e.suspendedAt) : ""}）
                </span>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t("身份证号", "ID number")}>{e.idNumberMasked ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("所在单位", "Unit")}>
            {e.unit.nameZh}
            <br />
            <code>{e.unit.uscc}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t("学科", "Disciplines")}>
            {e.disciplines.map((d) => disciplineLabel(d, lang)).join("；")}
          </Descriptions.Item>
          <Descriptions.Item label={t("职称", "Title")}>{e.title}</Descriptions.Item>
          <Descriptions.Item label={t("研究方向关键词", "Keywords")}>
            {e.keywords.join("、") || "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("所在地区", "Region")}>{e.region || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("可评审时段", "Availability")}>
            {e.availability.length
              ? e.availability.map((w) => `${w.from} ～ ${w.until}`).join("；")
              : t("不限", "Any time")}
          </Descriptions.Item>
          <Descriptions.Item label={t("今日可分配", "Assignable today")}>
            {e.assignableToday ? t("是", "Yes") : t("否", "No")}
          </Descriptions.Item>
          <Descriptions.Item label={t("手机", "Mobile")}>{e.phone ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("电子邮箱", "Email")}>{e.email ?? "—"}</Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}

import { Alert, Card, Form, Input, Typography } from "antd";
import { useDeferredValue, useState } from "react";
import type { Guide } from "../../api/guides";
import { useLocale } from "../../app/locale";
import { lengthLimit } from "../../components/lengthLimit";
import { Select } from "../../components/Select";
import { useCurrentUser } from "../auth/session";
import { useCurrentPolicy } from "../policies/hooks";
import { SourceBlock } from "../policies/SourceBlock";
import { useUnits } from "../units/hooks";

export interface DirectedUnit {
  uscc: string;
  nameZh: string;
}

const label = (u: DirectedUnit) => `${u.nameZh}（${u.uscc}）`;

/** Units of the city, searched on the server, kept by name and credit code as the guide names them. */
function DirectedUnitsPicker({
  id,
  value = [],
  onChange,
}: {
  id?: string;
  value?: DirectedUnit[];
  onChange?: (v: DirectedUnit[]) => void;
}) {
  const { t } = useLocale();
  const [keyword, setKeyword] = useState("");
  const units = useUnits({ page: 1, pageSize: 20, keyword: useDeferredValue(keyword) });
  const found: DirectedUnit[] = units.data?.items.map((u) => ({ uscc: u.uscc, nameZh: u.nameZh })) ?? [];
  const known = new Map([...found, ...value].map((u) => [u.uscc, u]));
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      showSearch
      allowClear
      filterOption={false}
      onSearch={setKeyword}
      loading={units.isFetching}
      placeholder={t("输入单位名称搜索", "Type to search units")}
      value={value.map((u) => u.uscc)}
      onChange={(codes) => onChange?.(codes.flatMap((c) => known.get(c) ?? []))}
      options={[...known.values()].map((u) => ({ value: u.uscc, label: label(u) }))}
      data-testid="guide-directed-units"
    />
  );
}

/**
 * 定向择优 (DT-RULES §14; LY-FUNDS §4(二)): where the program's policy allows it, the guide names the
 * units its calls are open to and the basis of the choice, which is recorded; empty, the calls are
 * open to every eligible unit. Shown also when units are named under a program that does not allow
 * it, so they can be removed.
 */
export function DirectedSelectionFields() {
  const me = useCurrentUser();
  const { t } = useLocale();
  const { policy } = useCurrentPolicy(me.city?.code ?? "");
  const form = Form.useFormInstance();
  const programCode = Form.useWatch("program", form);
  // preserve: the units are in the store before this section registers the field
  const units = Form.useWatch<DirectedUnit[] | undefined>("directedUnits", { form, preserve: true }) ?? [];
  const mode = policy.data?.programs
    .find((p) => p.code === programCode)
    ?.selectionModes.find((m) => m.mode === "directedSelection");
  const basis = lengthLimit(2000, t);
  if (!mode && units.length === 0) return null;

  return (
    <Card size="small" title={t("定向择优（仅向指定单位开放）", "Directed selection (named units only)")}>
      {mode ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(
            "指定单位后，本指南各批次仅向这些单位开放，其他单位不能申报；不指定即向所有符合条件的单位开放。",
            "Once units are named, the guide's calls are open to them only; name none to open them to every eligible unit.",
          )}
          description={<SourceBlock source={mode.source} />}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(
            "所选计划类别不采取定向择优方式，请清空指定单位。",
            "The chosen program runs no directed selection: remove the named units.",
          )}
        />
      )}
      <Form.Item
        name="directedUnits"
        label={t("指定单位", "Named units")}
        rules={[{ type: "array", max: 50, message: t("至多 50 个单位", "At most 50 units") }]}
      >
        <DirectedUnitsPicker />
      </Form.Item>
      <Form.Item
        name="directedBasis"
        label={t("定向依据", "Basis of the choice")}
        dependencies={["directedUnits"]}
        extra={t(
          "写明选定这些单位的依据，将随指南公开。",
          "State why these units were chosen; it is published with the guide.",
        )}
        rules={[
          { required: units.length > 0, whitespace: true, message: t("请写明定向依据", "State the basis") },
          {
            validator: (_, v: string | undefined) =>
              units.length === 0 || !v?.trim() || v.trim().length >= 10
                ? Promise.resolve()
                : Promise.reject(new Error(t("定向依据不少于 10 个字", "At least 10 characters"))),
          },
          basis.rule,
        ]}
      >
        <Input.TextArea rows={3} count={basis.count} data-testid="guide-directed-basis" />
      </Form.Item>
    </Card>
  );
}

/** The units a directed guide is open to, and why; nothing for an open guide. */
export function DirectedUnitsCard({ guide }: { guide: Guide }) {
  const { t } = useLocale();
  const { directedUnits, directedBasis } = guide.content;
  if (directedUnits.length === 0) return null;
  return (
    <Card size="small" title={t("定向择优（仅向指定单位开放）", "Directed selection (named units only)")}>
      <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="guide-directed-view">
        {directedUnits.map((u) => (
          <li key={u.uscc}>{label(u)}</li>
        ))}
      </ul>
      {directedBasis && (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: "8px 0 0" }}>
          <Typography.Text type="secondary">{t("定向依据：", "Basis: ")}</Typography.Text>
          {directedBasis}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

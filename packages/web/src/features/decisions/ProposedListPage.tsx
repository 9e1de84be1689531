import { OrderedListOutlined, SaveOutlined } from "@ant-design/icons";
import { App, Button, Card, Descriptions, InputNumber, Skeleton, Space, Tag, Typography } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router-dom";
import type { ProposedList, ProposedListEntry } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { useDraftAutosave } from "../applications/useDraftAutosave";
import { useCurrentUser } from "../auth/session";
import { CollectiveDecisionCard } from "./CollectiveDecisionCard";
import { useConfirmAct } from "./confirm";
import { EntriesTable } from "./EntriesTable";
import { useEditProposedList, useProposedList } from "./hooks";
import { ListActions } from "./ListActions";
import { ListSteps } from "./ListSteps";
import { ListSummary } from "./ListSummary";
import { blockedReason, listStatusColors, listStatusText, roleText } from "./labels";
import { bodyOf, departing, draftOf, draftTotals, type ListDraft, selectTop, setEntry } from "./listDraft";
import { NoticeCard } from "./NoticeCard";
import { ObjectionsCard } from "./ObjectionsCard";
import { ActionErrorAlert, ViolationsAlert } from "./Problems";
import { WithdrawEntryModal } from "./WithdrawEntryModal";

/**
 * 拟立项名单: one call's list from the ranking to issued projects. The officer decides each entry,
 * records the collective decision and takes the list through the steps the city's policy sets; the
 * leader approves, finance co-signs. What the caller may do comes with the list (`allowedActions`),
 * and each action left out says why (`blocked`).
 */
export function ProposedListPage() {
  const { id = "" } = useParams();
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const confirmAct = useConfirmAct();
  const query = useProposedList(id);
  const list = query.data;
  const edit = useEditProposedList(id);
  const [draft, setDraft] = useState<ListDraft | null>(null);
  const [topN, setTopN] = useState<number | null>(null);
  const [withdrawing, setWithdrawing] = useState<ProposedListEntry | null>(null);
  const loadedFor = useRef<string | null>(null);
  const editable = list?.allowedActions.includes("edit") ?? false;

  const load = useCallback((l: ProposedList) => {
    setDraft(draftOf(l));
    loadedFor.current = l.id;
  }, []);

  /**
   * The list is saved by the button only: the quiet (timed) save saves nothing and leaves the page
   * marked unsaved, which keeps the warning on leaving with edits not saved.
   */
  const doSave = async (quiet: boolean) => {
    if (quiet || !list || !draft) return null;
    const b = bodyOf(list, draft);
    if (!b.ok) {
      message.error(
        t(
          `以下项目的立项金额不正确，请更正后再保存：${b.unreadable.join("、")}`,
          `Correct the amounts of ${b.unreadable.join(", ")} before saving`,
        ),
      );
      return null;
    }
    try {
      const next = await edit.mutateAsync(b.body);
      load(next);
      return next;
    } catch {
      return null; // shown by the alert
    }
  };
  const autosave = useDraftAutosave(doSave, editable);
  const dirty = editable && autosave.dirty;

  // A refresh fills the page only while no edit is waiting to be saved; a list no longer editable always does.
  useEffect(() => {
    if (list && (loadedFor.current !== list.id || !autosave.dirty || !editable)) load(list);
  }, [list, autosave.dirty, editable, load]);

  if (query.isPending) return <Skeleton active />;
  if (!list) return <ErrorAlert error={query.error} />;
  const view = draft ?? draftOf(list);

  const change = (next: (d: ListDraft) => ListDraft) => {
    setDraft((d) => next(d ?? draftOf(list)));
    autosave.touch();
  };

  const onSave = () =>
    void autosave.run(false).then((r) => {
      if (r) message.success(t("名单已保存", "List saved"));
    });

  const pickable = list.entries.filter((e) => e.rank !== null).length;
  const onSelectTop = async () => {
    if (!topN) return;
    const n = Math.min(topN, pickable);
    const ok = await confirmAct({
      title: t(`按排名选取前 ${n} 项？`, `Select the top ${n} by rank?`),
      content: t(
        `评审排名前 ${n} 项设为“拟立项”，其余项目设为“不立项”（现有的候补设置将清除）。修改只在本页，点击“保存”后才生效。`,
        `The ${n} best-ranked applications become "selected" and every other one "not selected" (reserves are cleared). This changes the page only; Save makes it take effect.`,
      ),
      okText: t("选取", "Select"),
      testId: "list-select-top-confirm",
    });
    if (ok) change((d) => selectTop(list, d, n));
  };

  const totals = draftTotals(list, view);
  return (
    <div data-testid="page-proposed-list">
      <PageHeader
        title={`${list.guideTitle} · ${list.callName}`}
        extra={
          <Space wrap>
            <Link to="/decisions" data-testid="list-back">
              {t("返回立项决策", "Back to decisions")}
            </Link>
            <Tag color={listStatusColors[list.status]} data-testid="list-status">
              {listStatusText(list.status, lang)}
            </Tag>
            {list.waitingFor && (
              <Typography.Text type="secondary" data-testid="list-waiting-for">
                {t(
                  `待${roleText(list.waitingFor, lang)}办理`,
                  `Waiting for: ${roleText(list.waitingFor, lang)}`,
                )}
              </Typography.Text>
            )}
          </Space>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Card size="small" data-testid="list-header">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 4 }}
            items={[
              { key: "call", label: t("批次", "Call"), children: list.callName },
              { key: "program", label: t("计划类别", "Program"), children: list.programName },
              { key: "year", label: t("年度", "Year"), children: list.year },
              { key: "policy", label: t("政策版本", "Policy version"), children: list.policyVersion },
              ...(list.issuedAt
                ? [{ key: "issued", label: t("下达时间", "Issued"), children: formatDateTime(list.issuedAt) }]
                : []),
            ]}
          />
        </Card>
        <ListSteps list={list} />
        <ListActions list={list} dirty={dirty} />
        <ViolationsAlert violations={list.violations} stale={dirty} />
        <ListSummary
          list={list}
          draft={view}
          totals={totals}
          dirty={dirty}
          editable={editable}
          onReasonChange={(field, text) => change((d) => ({ ...d, [field]: text }))}
        />
        <Card
          size="small"
          title={t("拟立项名单", "Proposed list")}
          data-testid="list-entries-card"
          extra={
            editable && (
              <Space wrap>
                {dirty && (
                  <Typography.Text type="warning" data-testid="list-unsaved">
                    {t("有未保存的修改", "Unsaved changes")}
                  </Typography.Text>
                )}
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  onClick={onSave}
                  loading={edit.isPending}
                  data-testid="list-save"
                >
                  {t("保存", "Save")}
                </Button>
              </Space>
            )
          }
        >
          {!editable && me.permissions.includes("decision.manage") && (
            <Typography.Paragraph type="secondary" data-testid="list-edit-blocked">
              {blockedReason(list, "edit", lang)}
            </Typography.Paragraph>
          )}
          {editable && (
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Text>{t("按排名选取前", "Select the top")}</Typography.Text>
              <InputNumber
                min={1}
                max={Math.max(1, pickable)}
                precision={0}
                value={topN}
                onChange={(v) => setTopN(v)}
                aria-label={t("按排名选取的项目数", "How many to select by rank")}
                data-testid="list-top-n"
              />
              <Typography.Text>{t("项", "by rank")}</Typography.Text>
              <Button
                icon={<OrderedListOutlined />}
                disabled={!topN}
                onClick={() => void onSelectTop()}
                data-testid="list-select-top"
              >
                {t("选取", "Select")}
              </Button>
              <Typography.Text type="secondary">
                {t(
                  "所有项目初始均为“不立项”，请逐项决定或按排名选取；修改点击“保存”后生效。",
                  'Every entry starts "not selected": decide each or select by rank; changes take effect with Save.',
                )}
              </Typography.Text>
            </Space>
          )}
          <ActionErrorAlert error={edit.error} style={{ marginBottom: 12 }} />
          <EntriesTable
            list={list}
            draft={view}
            departs={departing(list, view)}
            editable={editable}
            onChange={(applicationId, patch) => change((d) => setEntry(d, list, applicationId, patch))}
            mayWithdraw={list.allowedActions.includes("withdrawEntry")}
            onWithdraw={setWithdrawing}
          />
        </Card>
        <CollectiveDecisionCard list={list} />
        <NoticeCard list={list} />
        <ObjectionsCard list={list} />
      </Space>
      <WithdrawEntryModal list={list} entry={withdrawing} onClose={() => setWithdrawing(null)} />
    </div>
  );
}

import { departures, type EntryDecision } from "@luoshu/domain";
import type { EditEntryInput, EditListInput, ProposedList, ProposedListEntry } from "../../api/decisions";
import type { EditableDecision } from "./labels";
import { fenToWanText, parseWan } from "./wan";

/** One entry as the officer is editing it; the amount is the text typed in 万元. */
export interface EntryDraft {
  decision: EntryDecision;
  reserveOrder: number | null;
  departureReason: string;
  amount: string;
}

/**
 * The list's editable parts as they stand on the page. Nothing is decided here that the server
 * has not returned: the draft starts as the saved list and changes only by the officer's hand.
 */
export interface ListDraft {
  entries: Record<string, EntryDraft>;
  overCapReason: string;
  youthShareReason: string;
}

export const editableDecisions: readonly EditableDecision[] = ["selected", "reserve", "notSelected"];
export const isEditableDecision = (d: EntryDecision): d is EditableDecision =>
  (editableDecisions as readonly string[]).includes(d);

export function draftOf(list: ProposedList): ListDraft {
  return {
    entries: Object.fromEntries(
      list.entries.map((e) => [
        e.applicationId,
        {
          decision: e.decision,
          reserveOrder: e.reserveOrder,
          departureReason: e.departureReason ?? "",
          amount: fenToWanText(e.amountFen),
        },
      ]),
    ),
    overCapReason: list.overCapReason ?? "",
    youthShareReason: list.youthShareReason ?? "",
  };
}

/** Best rank first; entries without a result last. */
export function byRank(entries: readonly ProposedListEntry[]): ProposedListEntry[] {
  return [...entries].sort(
    (a, b) =>
      (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
      a.applicationNumber.localeCompare(b.applicationNumber),
  );
}

export const entryOf = (draft: ListDraft, e: ProposedListEntry): EntryDraft =>
  draft.entries[e.applicationId] ?? {
    decision: e.decision,
    reserveOrder: e.reserveOrder,
    departureReason: e.departureReason ?? "",
    amount: fenToWanText(e.amountFen),
  };

/** Entries that depart from the ranking as the page has them now: the domain's own rule. */
export function departing(list: ProposedList, draft: ListDraft): Set<string> {
  return departures(
    list.entries.map((e) => {
      const d = entryOf(draft, e);
      return {
        applicationId: e.applicationId,
        rank: e.rank,
        decision: d.decision,
      };
    }),
  );
}

/** Counts and money of the list as the page has it now; money is null while an amount is unreadable. */
export function draftTotals(list: ProposedList, draft: ListDraft) {
  let selected = 0;
  let reserve = 0;
  let listFen: number | null = 0;
  for (const e of list.entries) {
    const d = entryOf(draft, e);
    if (d.decision === "reserve") reserve += 1;
    if (d.decision !== "selected") continue;
    selected += 1;
    const p = parseWan(d.amount);
    listFen = p.ok && p.fen !== undefined && listFen !== null ? listFen + p.fen : null;
  }
  return { selected, reserve, listFen };
}

export function setEntry(
  draft: ListDraft,
  list: ProposedList,
  applicationId: string,
  patch: Partial<EntryDraft>,
): ListDraft {
  const e = list.entries.find((x) => x.applicationId === applicationId);
  if (!e) return draft;
  const next = { ...entryOf(draft, e), ...patch };
  if (patch.decision && patch.decision !== "reserve") next.reserveOrder = null;
  if (patch.decision === "reserve" && next.reserveOrder === null) {
    // the next place after the reserves already ordered; the officer can change it
    const orders = Object.values(draft.entries)
      .filter((d) => d.decision === "reserve")
      .map((d) => d.reserveOrder ?? 0);
    next.reserveOrder = Math.min(999, Math.max(0, ...orders) + 1);
  }
  return { ...draft, entries: { ...draft.entries, [applicationId]: next } };
}

/**
 * 按排名选取前 N 项: the N best-ranked entries still in the list are selected, every other editable
 * entry is not (reserves included). Entries without a result are never picked by rank.
 */
export function selectTop(list: ProposedList, draft: ListDraft, n: number): ListDraft {
  const ranked = byRank(list.entries).filter(
    (e) => e.rank !== null && isEditableDecision(entryOf(draft, e).decision),
  );
  const top = new Set(ranked.slice(0, n).map((e) => e.applicationId));
  const entries = { ...draft.entries };
  for (const e of list.entries) {
    const d = entryOf(draft, e);
    if (!isEditableDecision(d.decision)) continue;
    entries[e.applicationId] = {
      ...d,
      decision: top.has(e.applicationId) ? "selected" : "notSelected",
      reserveOrder: null,
    };
  }
  return { ...draft, entries };
}

export type DraftBody = { ok: true; body: EditListInput } | { ok: false; unreadable: string[] };

/** The PATCH body: every entry still in the list, and the reasons; refused while an amount is unreadable. */
export function bodyOf(list: ProposedList, draft: ListDraft): DraftBody {
  const unreadable: string[] = [];
  const entries: EditEntryInput[] = [];
  for (const e of list.entries) {
    const d = entryOf(draft, e);
    if (!isEditableDecision(d.decision)) continue;
    const p = parseWan(d.amount);
    if (!p.ok || p.fen === undefined) {
      unreadable.push(e.applicationNumber);
      continue;
    }
    entries.push({
      applicationId: e.applicationId,
      decision: d.decision,
      reserveOrder: d.decision === "reserve" ? d.reserveOrder : null,
      departureReason: d.departureReason.trim() || null,
      amountFen: p.fen,
    });
  }
  if (unreadable.length > 0) return { ok: false, unreadable };
  return {
    ok: true,
    body: {
      entries,
      overCapReason: draft.overCapReason.trim() || null,
      youthShareReason: draft.youthShareReason.trim() || null,
    },
  };
}

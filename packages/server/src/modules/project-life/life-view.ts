import type { ClosureDto, ProjectDetailDto, ProjectLifeDto, SanctionDto } from "@luoshu/contract";
import {
  chinaDateOf,
  citeSource,
  type Policy,
  type Role,
  sanctionLasts,
  suspensionAt,
  suspensionsOf,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Repositories } from "../../repositories.ts";
import { changesOf } from "./changes-view.ts";
import { citationOfClause } from "./life-view-shared.ts";
import type { ClosureRow, ReturnRow, SanctionRow } from "./project-life.repository.ts";

type Names = Map<string, string>;
type Entry = ProjectDetailDto["timeline"][number];

const by = (names: Names, at: Date, id: string) => ({ at: at.toISOString(), byName: names.get(id) ?? "" });

export function closureDto(c: ClosureRow, returns: readonly ReturnRow[], names: Names): ClosureDto {
  const settledFen = returns.filter((r) => r.closureId === c.id).reduce((s, r) => s + r.amountFen, 0);
  return {
    id: c.id,
    kind: c.kind,
    ground: c.ground,
    status: c.status,
    reason: c.reason,
    spentFen: c.spentFen,
    requested: by(names, c.requestedAt, c.requestedBy),
    decided:
      c.decidedAt && c.decidedBy ? { ...by(names, c.decidedAt, c.decidedBy), note: c.decisionNote } : null,
    releaseFen: c.releaseFen,
    dueFen: c.dueFen,
    settledFen,
    outstandingFen: Math.max(0, (c.dueFen ?? 0) - settledFen),
    // a superseded settlement keeps the decision it rests on, and so its clause
    source: c.status === "decided" || c.kind === "settlement" ? citationOfClause(c.clause) : null,
  };
}

function sanctionDto(s: SanctionRow, names: Names, roles: readonly Role[], today: string): SanctionDto {
  const imposer = s.authority === "financeBureau" ? "financeOfficer" : "programOfficer";
  const inForce = !s.liftedAt && s.fromDate <= today && (s.untilDate === null || today <= s.untilDate);
  return {
    id: s.id,
    kind: s.kind,
    authority: s.authority,
    fromDate: s.fromDate,
    untilDate: s.untilDate,
    reason: s.reason,
    source: citationOfClause(s.clause),
    imposed: by(names, s.createdAt, s.createdBy),
    lifted:
      s.liftedAt && s.liftedBy ? { ...by(names, s.liftedAt, s.liftedBy), reason: s.liftReason ?? "" } : null,
    inForce,
    // only a lasting measure is lifted, by the authority that imposed it
    actions: sanctionLasts(s.kind) && !s.liftedAt && roles.includes(imposer) ? ["lift"] : [],
  };
}

/** The project's closures and sanctions as its page shows them, with what the caller may do. */
export async function lifeOf(
  repos: Pick<Repositories, "projectLife" | "execution">,
  policy: Policy,
  ctx: CallerContext,
  p: {
    cityId: string;
    id: string;
    closedAs: "terminated" | "revoked" | null;
    piUserId: string | null;
    /** Whether its acceptance has concluded, after which there is nothing left to terminate. */
    concluded: boolean;
  },
): Promise<{ life: ProjectLifeDto; timeline: Entry[] }> {
  const [closures, sanctions, changes] = await Promise.all([
    repos.projectLife.closures(p.cityId, p.id),
    repos.projectLife.sanctions(p.cityId, p.id),
    changesOf(repos, policy, ctx, p),
  ]);
  const returns = await repos.projectLife.returnsOf(
    p.cityId,
    closures.map((c) => c.id),
  );
  const names = await repos.execution.displayNames(
    [
      ...closures.flatMap((c) => [c.requestedBy, c.decidedBy]),
      ...sanctions.flatMap((s) => [s.createdBy, s.liftedBy]),
      ...returns.map((r) => r.recordedBy),
    ].filter((id): id is string => id !== null),
  );
  const roles = ctx.actor.roles;
  const rules = policy.projectLife;
  const closureDtos = closures.map((c) => closureDto(c, returns, names));
  const live = closureDtos.find((c) => c.status === "requested" || c.status === "decided");
  const open = p.closedAs === null;
  const officer = roles.includes("programOfficer");
  const life: ProjectLifeDto = {
    closedAs: p.closedAs,
    suspended: suspensionAt(suspensionsOf(sanctions), ctx.now.toISOString()) !== undefined,
    closures: closureDtos,
    sanctions: sanctions.map((s) => sanctionDto(s, names, roles, chinaDateOf(ctx.now))),
    changes: changes.changes,
    currentBudget: changes.currentBudget,
    endDate: changes.endDate,
    rules: {
      terminationGrounds: rules.termination.grounds,
      terminationSource: citeSource(rules.termination.source),
      balanceRule: rules.termination.balance.rule,
      balanceSource: citeSource(rules.termination.balance.source),
      revocationGrounds: rules.revocation.grounds,
      revocationSource: citeSource(rules.revocation.source),
      listing: { ...rules.revocation.listing, source: citeSource(rules.revocation.listing.source) },
      sanctionKinds: rules.sanctions.kinds,
      sanctionAuthorities: rules.sanctions.authorities,
      sanctionSource: citeSource(rules.sanctions.source),
      changeDeciders: changes.deciders,
    },
    actions: [
      ...changes.actions,
      ...(open && !p.concluded && !live && roles.includes("unitAdmin")
        ? (["applyTermination"] as const)
        : []),
      ...(live?.status === "requested" && officer ? (["decideTermination"] as const) : []),
      ...(open && officer ? (["revoke"] as const) : []),
      ...(live?.status === "decided" && live.outstandingFen > 0 && officer
        ? (["recordReturn"] as const)
        : []),
      ...(open &&
      rules.sanctions.authorities.some((a) =>
        roles.includes(a === "financeBureau" ? "financeOfficer" : "programOfficer"),
      )
        ? (["imposeSanction"] as const)
        : []),
    ],
  };
  return {
    life,
    timeline: [...timelineOf(closureDtos, life.sanctions, returns, names), ...changes.timeline],
  };
}

function timelineOf(
  closures: readonly ClosureDto[],
  sanctions: readonly SanctionDto[],
  returns: readonly ReturnRow[],
  names: Names,
): Entry[] {
  const entry = (at: string, kind: string, byName: string | null, rest: Partial<Entry> = {}): Entry => ({
    at,
    kind,
    byName,
    detail: null,
    reference: null,
    amountFen: null,
    source: null,
    ...rest,
  });
  const out: Entry[] = [];
  for (const c of closures) {
    if (c.kind === "termination" && c.ground !== "sanction")
      out.push(entry(c.requested.at, "terminationApplied", c.requested.byName, { detail: c.ground }));
    if (c.decided) {
      const kind =
        c.kind === "settlement"
          ? "balanceDue"
          : c.status === "refused"
            ? "terminationRefused"
            : c.kind === "revocation"
              ? "projectRevoked"
              : c.status === "superseded"
                ? "terminationSuperseded"
                : "projectTerminated";
      out.push(
        entry(c.decided.at, kind, c.decided.byName, {
          detail: c.decided.note,
          amountFen: c.dueFen,
          source: c.source,
        }),
      );
    }
  }
  for (const r of returns) {
    out.push(
      entry(r.recordedAt.toISOString(), "moneyReturned", names.get(r.recordedBy) ?? "", {
        amountFen: r.amountFen,
        reference: r.reference,
      }),
    );
  }
  for (const s of sanctions) {
    out.push(entry(s.imposed.at, "sanctionImposed", s.imposed.byName, { detail: s.kind, source: s.source }));
    if (s.lifted) out.push(entry(s.lifted.at, "sanctionLifted", s.lifted.byName, { detail: s.kind }));
  }
  return out;
}

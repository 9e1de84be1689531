import { balanceOf, type Posting, type PostingKind } from "./ledger.ts";

/**
 * A project's figures as its page and the 资金台账 show them, from any set of postings (the
 * project's own or a whole city's): committed less released, paid, given back (returned or
 * recovered), and what its commitment account still holds.
 */
export function projectFigures(postings: readonly Posting[], projectId: string) {
  const mine = postings.filter((p) => p.projectId === projectId);
  const of = (kind: PostingKind) => mine.filter((p) => p.kind === kind).reduce((s, p) => s + p.amountFen, 0);
  return {
    committedFen: of("commit") - of("release"),
    paidFen: of("pay"),
    returnedFen: of("return") + of("recover"),
    leftFen: balanceOf(mine, { kind: "commitment", projectId }),
  };
}

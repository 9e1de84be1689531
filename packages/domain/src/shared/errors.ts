/**
 * The one error type of the domain. Codes are stable strings that clients may branch on; the server
 * maps each code to an HTTP status in one place (server/src/plugins/errors.ts).
 */
export interface Violation {
  code: string;
  messageZh: string;
  messageEn: string;
  /** Citation of the rule applied, e.g. `LY-FUNDS §16`; absent for plain input errors. */
  clause?: string;
  /** Field path for input errors, e.g. `lines.2.amountFen`. */
  path?: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly messageZh: string;
  readonly clause?: string;
  readonly path?: string;
  readonly details?: Record<string, unknown>;

  constructor(v: Violation & { details?: Record<string, unknown> }) {
    super(v.messageEn);
    this.name = "DomainError";
    this.code = v.code;
    this.messageZh = v.messageZh;
    this.clause = v.clause;
    this.path = v.path;
    this.details = v.details;
  }
}

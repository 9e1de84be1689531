import { Alert, Form, type FormItemProps } from "antd";
import { createContext, type ReactNode, useContext } from "react";
import type { ContentProblem } from "../../../api/applications";
import { pickLang, useLocale } from "../../../app/locale";
import { ClauseTag } from "../../../components/ClauseTag";

/** The problems of the last save or submission, for each field to show its own. */
export const ProblemsContext = createContext<ContentProblem[]>([]);

export function useProblems(): ContentProblem[] {
  return useContext(ProblemsContext);
}

/** `validateStatus` and `help` for the Form.Item of one content path (`basic.abstract`, `team.0.idNumber`). */
export function useFieldProblem(path: string): { validateStatus?: "error"; help?: ReactNode } {
  const { lang } = useLocale();
  const mine = useProblems().filter((p) => p.path === path);
  if (mine.length === 0) return {};
  return {
    validateStatus: "error",
    help: (
      <span data-testid={`problem-${path}`}>
        {mine.map((p) => (
          <span key={`${p.code}-${p.messageEn}`}>
            {pickLang(lang, p.messageZh, p.messageEn)} {p.clause && <ClauseTag clause={p.clause} />}
          </span>
        ))}
      </span>
    ),
  };
}

/** Problems about a whole section (`targets`, `team`, `budget.lines.2.note`…), shown above its rows. */
export function SectionProblems({ match, testId }: { match: (path: string) => boolean; testId: string }) {
  const { lang } = useLocale();
  const mine = useProblems().filter((p) => p.path !== undefined && match(p.path));
  if (mine.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid={testId}
      message={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {mine.map((p) => (
            <li key={`${p.code}-${p.path}-${p.messageEn}`}>
              {pickLang(lang, p.messageZh, p.messageEn)} {p.clause && <ClauseTag clause={p.clause} />}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** Paths of the leaves a form change touched, to drop the problems the user is fixing. */
export function changedPaths(changed: unknown, prefix = ""): string[] {
  if (changed === null || typeof changed !== "object" || changed instanceof Date) return [prefix];
  if ("$d" in (changed as object)) return [prefix]; // a dayjs value
  return Object.entries(changed as Record<string, unknown>).flatMap(([k, v]) =>
    v === undefined ? [] : changedPaths(v, prefix ? `${prefix}.${k}` : k),
  );
}

/** A Form.Item that also shows the server's problem for its content path. */
export function ProblemItem({ path, ...props }: FormItemProps & { path: string }) {
  const problem = useFieldProblem(path);
  return <Form.Item {...props} {...problem} />;
}

import type { WorkspaceTask } from "@luoshu/contract";
import { apiFetch } from "./client";

export type { WorkspaceTask };

export function fetchWorkspace(): Promise<{ tasks: WorkspaceTask[] }> {
  return apiFetch("/workspace");
}

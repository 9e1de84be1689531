import { apiFetch } from "./client";
import type { WorkspaceTask } from "./types";

export function fetchWorkspace(): Promise<{ tasks: WorkspaceTask[] }> {
  return apiFetch("/workspace");
}

import type { WorkspaceDto, WorkspaceTask } from "@luoshu/contract";
import { apiFetch } from "./client";

export type { WorkspaceTask };

export function fetchWorkspace(): Promise<WorkspaceDto> {
  return apiFetch("/workspace");
}

import { api } from "../api/client";
import { ApiError, describeError } from "../api/errors";
import { readLatest } from "../history/historyReads";
import { showWindow } from "../history/historyWindow";
import type { SessionView } from "../state";

export interface DecisionHooks {
  /** The view changed: draw it again. */
  changed(): void;
  announce(text: string): void;
}

/**
 * Sends the user's Approve or Reject for a pending request of the session. Its buttons are disabled
 * while it is sent; a 409 or 404 (decided elsewhere, or timed out) shows what the history says
 * instead; any other failure is shown on the request.
 */
export async function sendApprovalDecision(view: SessionView, callId: string, approved: boolean, comment: string, hooks: DecisionHooks): Promise<void> {
  const local = view.approvals.get(callId) ?? {};
  if (local.posting || local.decided) return;
  view.approvals.set(callId, local);
  local.posting = approved ? "approve" : "reject";
  local.error = undefined;
  hooks.changed();
  try {
    const result = await api.decideApproval(view.id, callId, approved, comment || undefined);
    local.decided ??= { status: result.status ?? (approved ? "approved" : "rejected"), comment: comment || undefined };
    hooks.announce(approved ? "Approved; the agent goes on." : "Rejected; the agent goes on without running the tool.");
  } catch (error) {
    const decidedElsewhere = error instanceof ApiError && (error.status === 409 || error.status === 404);
    if (!decidedElsewhere || !(await readStoredDecision(view, callId, hooks))) {
      local.error = `Your decision was not sent: ${describeError(error)}`;
    }
  } finally {
    local.posting = undefined;
  }
  hooks.changed();
}

/** What the stored request says now; true when it was decided. */
async function readStoredDecision(view: SessionView, callId: string, hooks: DecisionHooks): Promise<boolean> {
  try {
    const history = await readLatest(view);
    if (!view.pending) showWindow(view, history);
    const item = history.items.find((i) => i.type === "approval_request" && i.callId === callId);
    if (item?.type !== "approval_request" || item.status === "pending") return false;
    const local = view.approvals.get(callId) ?? {};
    local.decided = { status: item.status, comment: item.comment };
    view.approvals.set(callId, local);
    hooks.announce(`This request was already ${item.status.replace("_", " ")}.`);
    return true;
  } catch {
    return false;
  }
}

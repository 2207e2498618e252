import type { SessionItem } from "../api/types";
import type { LiveEntry, LiveTurn } from "../live/liveTurn";
import type { SessionView } from "../state";

/** The items stored so far for the latest turn: those after the last user message. */
export function latestTurnItems(items: SessionItem[]): SessionItem[] {
  const lastUser = lastIndexWhere(items, (i) => i.type === "message" && i.role === "user");
  return lastUser < 0 ? [] : items.slice(lastUser + 1);
}

/**
 * The history shows a turn that has not ended: it ends with the user's message (the turn runs), or
 * the latest turn stored its items up to an approval request (it waits, or goes on after the
 * decision) and has not stored its end yet: a reply or a turn_status.
 */
export function turnInProgress(items: SessionItem[]): boolean {
  const last = items.at(-1);
  if (last?.type === "message" && last.role === "user") return true;
  const ended = last?.type === "turn_status" || (last?.type === "message" && last.role === "assistant");
  return !ended && latestTurnItems(items).some((i) => i.type === "approval_request");
}

/** The call ids of approval requests left pending by a turn that ended (stopped or failed) before a decision. */
export function unansweredApprovals(items: SessionItem[]): Set<string> {
  const unanswered = new Set<string>();
  let open: string[] = [];
  for (const item of items) {
    if (item.type === "message" && item.role === "user") open = [];
    else if (item.type === "approval_request" && item.status === "pending") open.push(item.callId);
    else if (item.type === "turn_status") open.forEach((callId) => unanswered.add(callId));
  }
  return unanswered;
}

/** An approval of the running turn still waits for the user (as far as this page knows). */
export function waitsForApproval(view: SessionView): boolean {
  const undecided = (callId: string, status: string) => status === "pending" && !view.approvals.get(callId)?.decided;
  const live = view.live && !view.live.ended ? view.live.entries : [];
  if (live.some((e) => e.kind === "approval" && undecided(e.callId, e.status))) return true;
  if (view.pending || !turnInProgress(view.items)) return false;
  return latestTurnItems(view.items).some((i) => i.type === "approval_request" && undecided(i.callId, i.status));
}

/**
 * The live entries not shown by the stored items already. A turn that waited for an approval has
 * stored its items up to the request; a page that read them replays the turn's events from its
 * start, so what came up to the last stored call is dropped and the rest is shown.
 */
export function liveEntriesBeyondStored(turn: LiveTurn, storedTurnItems: SessionItem[]): LiveEntry[] {
  const stored = new Set<string>();
  for (const item of storedTurnItems) {
    if ("callId" in item && item.callId) stored.add(item.callId);
  }
  if (stored.size === 0) return turn.entries;
  const lastStored = lastIndexWhere(turn.entries, (e) => (e.kind === "tool" || e.kind === "approval") && stored.has(e.callId));
  return turn.entries.slice(lastStored + 1).filter((e) => !((e.kind === "tool" || e.kind === "approval") && stored.has(e.callId)));
}

function lastIndexWhere<T>(list: readonly T[], test: (value: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

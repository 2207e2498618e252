import type { RetryProgress } from "./api/sendWithRetry";
import type { ApprovalStatus, SessionItem } from "./api/types";
import type { LiveTurn } from "./live/liveTurn";

/** A message the user sent whose turn has not come back yet. */
export interface PendingTurn {
  message: string;
  /** Sent as Idempotency-Key on every attempt of this message. */
  idempotencyKey: string;
  sentAt: string;
  /** The confirmed items when the message was sent; the reply's items are appended to these. */
  itemsBefore: SessionItem[];
  /** "waiting": the POST answered 202, the turn waits for an approval and goes on; the event stream tells its end. */
  status: "sending" | "retrying" | "waiting" | "failed";
  retry?: RetryProgress;
  error?: string;
}

export interface SessionView {
  id: string;
  agent: string;
  /** The newest part of the history this page has read (the newest page first, older ones as the user scrolls up). */
  items: SessionItem[];
  /** The position of `items[0]` in the whole history. */
  start: number;
  /** `before=` for the page before `items`; null when they reach back to the history's start. */
  olderBefore: number | null;
  /** Reading the page before: "loading" while it is on its way, "error" (with `olderError`) until retried. */
  older: "idle" | "loading" | "error";
  olderError?: string;
  load: "idle" | "loading" | "ready" | "error";
  loadError?: string;
  pending?: PendingTurn;
  /** The history ends with a user message: a turn started elsewhere (or before a reload) may still be running. */
  awaitingReply: boolean;
  /** The turn the event stream reports, while it runs (and until its stored items are shown). */
  live?: LiveTurn;
  /** Turns whose terminal event came: later events of theirs are ignored. */
  endedTurns: Set<string>;
  /** Stop was pressed and the turn has not ended yet. */
  stopping: boolean;
  /** What this page knows of approvals beyond the items and events: a decision being sent, its error, its outcome. */
  approvals: Map<string, ApprovalLocal>;
}

export interface ApprovalLocal {
  posting?: "approve" | "reject";
  error?: string;
  decided?: { status: ApprovalStatus; comment?: string };
}

export const defaultAgent = "Triage Agent";

export function emptyView(id: string): SessionView {
  return {
    id,
    agent: defaultAgent,
    items: [],
    start: 0,
    olderBefore: null,
    older: "idle",
    load: "idle",
    awaitingReply: false,
    endedTurns: new Set(),
    stopping: false,
    approvals: new Map(),
  };
}

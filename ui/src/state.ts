import type { RetryProgress } from "./api/sendWithRetry";
import type { SessionItem } from "./api/types";

/** A message the user sent whose turn has not come back yet. */
export interface PendingTurn {
  message: string;
  /** Sent as Idempotency-Key on every attempt of this message. */
  idempotencyKey: string;
  sentAt: string;
  /** The confirmed items when the message was sent; the reply's items are appended to these. */
  itemsBefore: SessionItem[];
  status: "sending" | "retrying" | "failed";
  retry?: RetryProgress;
  error?: string;
}

export interface SessionView {
  id: string;
  agent: string;
  items: SessionItem[];
  load: "idle" | "loading" | "ready" | "error";
  loadError?: string;
  pending?: PendingTurn;
  /** The history ends with a user message: a turn started elsewhere (or before a reload) may still be running. */
  awaitingReply: boolean;
}

export const defaultAgent = "Triage Agent";

export function emptyView(id: string): SessionView {
  return { id, agent: defaultAgent, items: [], load: "idle", awaitingReply: false };
}

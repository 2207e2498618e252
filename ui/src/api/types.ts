// Shapes of the application's HTTP API (see the team brief, "Application contract").

interface ItemBase {
  /** The agent that produced the item; for user items, the agent that received it. */
  agent: string;
  /** ISO-8601. */
  timestamp: string;
}

export interface MessageItem extends ItemBase {
  type: "message";
  role: "user" | "assistant";
  content: string;
}

export interface ToolCallItem extends ItemBase {
  type: "tool_call";
  role: "assistant";
  callId: string;
  name: string;
  arguments: unknown;
}

export interface ToolResultItem extends ItemBase {
  type: "tool_result";
  role: "tool";
  callId: string;
  name: string;
  result: unknown;
}

export interface HandoffItem extends ItemBase {
  type: "handoff";
  role: "assistant";
  from: string;
  to: string;
  callId?: string;
}

/** A turn that did not end with a reply: stopped by the user, or given up with an error. */
export interface TurnStatusItem extends ItemBase {
  type: "turn_status";
  role: "assistant";
  status: "cancelled" | "failed";
  error?: string;
}

export type ApprovalStatus = "pending" | "approved" | "rejected" | "timed_out";

/** A tool call that waits for the user's decision (or showed it, once decided). */
export interface ApprovalRequestItem extends ItemBase {
  type: "approval_request";
  role: "assistant";
  callId: string;
  name: string;
  arguments: unknown;
  status: ApprovalStatus;
  comment?: string;
}

export type SessionItem = MessageItem | ToolCallItem | ToolResultItem | HandoffItem | TurnStatusItem | ApprovalRequestItem;

export interface SessionHistory {
  sessionId: string;
  agent: string;
  items: SessionItem[];
}

/** A part of the history (`?limit=N`, with `before=` or `after=`), oldest item first. */
export interface HistoryPage extends SessionHistory {
  /** How many items the whole history has. */
  total: number;
  /** The position of `items[0]` in the whole history. */
  start: number;
  /** Pass as `before=` for the items before these; null at the history's start. */
  nextBefore: number | null;
  /** Pass as `after=` for the items after these; null at its end. */
  nextAfter: number | null;
}

export interface TurnResult {
  reply: string;
  agent: string;
  /** The new items of this turn, the user item first. */
  items: SessionItem[];
}

/** The 202 answer of a message whose turn waits for an approval: the turn goes on, follow the event stream. */
export interface TurnWaiting {
  turnId: string;
  status: "waiting_for_approval";
  approvals: { callId: string; name: string; arguments: unknown }[];
}

export type TurnAnswer = TurnResult | TurnWaiting;

export function isTurnWaiting(answer: TurnAnswer): answer is TurnWaiting {
  return (answer as Partial<TurnWaiting>).status === "waiting_for_approval";
}

export type Durability = "turn" | "step";

export interface SessionSettings {
  durability: Durability;
  approvals: boolean;
}

export interface ApprovalDecisionResult {
  callId: string;
  status: "approved" | "rejected";
}

export interface SessionSummary {
  sessionId: string;
  agent: string;
  messageCount: number;
  lastMessage: string;
  updatedAt: string;
}

export interface SessionList {
  sessions: SessionSummary[];
}

export interface AppInfo {
  model: { id: string; isScripted: boolean; label: string };
  restateUiUrl: string;
  restateAdminUrl: string;
}

export interface CancelResult {
  turnId: string;
  status: string;
}

/** RFC 7807 problem details. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

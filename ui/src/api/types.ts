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

export type SessionItem = MessageItem | ToolCallItem | ToolResultItem | HandoffItem | TurnStatusItem;

export interface SessionHistory {
  sessionId: string;
  agent: string;
  items: SessionItem[];
}

export interface TurnResult {
  reply: string;
  agent: string;
  /** The new items of this turn, the user item first. */
  items: SessionItem[];
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

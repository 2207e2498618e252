// The session event stream (GET /api/sessions/{id}/events, Server-Sent Events).

export const turnEventTypes = [
  "turn.started",
  "model.request",
  "text.delta",
  "tool.call",
  "tool.result",
  "handoff",
  "approval.requested",
  "approval.resolved",
  "turn.retrying",
  "turn.completed",
  "turn.failed",
  "turn.cancelled",
] as const;

export type TurnEventType = (typeof turnEventTypes)[number];

/** One event of a turn; the fields beyond the common ones depend on the type. */
export interface TurnEvent {
  /** Grows with every event of the session. */
  id: number;
  type: TurnEventType;
  turnId: string;
  /** The agent that produced the event; for a handoff, the agent handing off. */
  agent: string;
  attempt?: number;
  /** text.delta: the streamed words; turn.retrying: the text of the turn's earlier steps, which stays. */
  text?: string;
  callId?: string;
  name?: string;
  /** A JSON string. */
  arguments?: string;
  result?: unknown;
  to?: string;
  reply?: string;
  error?: string;
  /** approval.resolved: approved, rejected or timed_out. */
  status?: string;
  comment?: string;
}

export const terminalEventTypes: ReadonlySet<string> = new Set(["turn.completed", "turn.failed", "turn.cancelled"]);

/** Reads one SSE message into a TurnEvent, or null when it is not one. */
export function parseTurnEvent(type: string, data: string, lastEventId: string): TurnEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const event = parsed as Partial<TurnEvent>;
  const id = Number(event.id ?? lastEventId);
  const eventType = (event.type ?? type) as TurnEventType;
  if (!Number.isFinite(id) || typeof event.turnId !== "string" || !(turnEventTypes as readonly string[]).includes(eventType)) return null;
  return { ...event, id, type: eventType, turnId: event.turnId, agent: event.agent ?? "" } as TurnEvent;
}

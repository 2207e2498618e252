import { terminalEventTypes, type TurnEvent } from "../api/events";
import type { ApprovalStatus, TurnWaiting } from "../api/types";

/** What a running turn has shown so far, in order. */
export type LiveEntry =
  | { kind: "text"; agent: string; text: string }
  | { kind: "tool"; agent: string; callId: string; name: string; arguments?: string; result?: unknown; done: boolean }
  | { kind: "handoff"; from: string; to: string }
  | { kind: "approval"; agent: string; callId: string; name: string; arguments?: unknown; status: ApprovalStatus; comment?: string };

type ToolEntry = Extract<LiveEntry, { kind: "tool" }>;
type ApprovalEntry = Extract<LiveEntry, { kind: "approval" }>;

export interface LiveTurn {
  turnId: string;
  agent: string;
  entries: LiveEntry[];
  /** Set by turn.retrying: the model request is being made again, the text so far was dropped. */
  retryAttempt?: number;
  /** The terminal event, once it came. */
  ended?: "completed" | "failed" | "cancelled";
  reply?: string;
  error?: string;
}

/**
 * Applies one event to the live turn of a session. Returns the turn to show next: a new one for
 * turn.started (or for the first event of a turn not seen starting), the same one otherwise.
 * Events of a turn that has ended are ignored.
 */
export function applyTurnEvent(current: LiveTurn | undefined, event: TurnEvent, endedTurns: Set<string>): LiveTurn | undefined {
  if (endedTurns.has(event.turnId)) return current;
  let turn = current;
  if (!turn || turn.turnId !== event.turnId) turn = { turnId: event.turnId, agent: event.agent, entries: [] };
  if (event.agent && event.type !== "handoff") turn.agent = event.agent;

  switch (event.type) {
    case "text.delta": {
      const last = turn.entries.at(-1);
      if (last?.kind === "text" && last.agent === turn.agent) last.text += event.text ?? "";
      else turn.entries.push({ kind: "text", agent: turn.agent, text: event.text ?? "" });
      break;
    }
    case "tool.call": {
      // A call that waited for an approval may be reported again when it runs.
      const known = findTool(turn, event.callId);
      if (known) known.arguments = event.arguments ?? known.arguments;
      else insertBeforeItsApproval(turn, { kind: "tool", agent: turn.agent, callId: event.callId ?? "", name: event.name ?? "tool", arguments: event.arguments, done: false });
      break;
    }
    case "tool.result": {
      const call = findTool(turn, event.callId);
      if (call) {
        call.result = event.result;
        call.done = true;
      } else {
        turn.entries.push({ kind: "tool", agent: turn.agent, callId: event.callId ?? "", name: event.name ?? "tool", result: event.result, done: true });
      }
      break;
    }
    case "approval.requested":
      if (!findApproval(turn, event.callId)) {
        turn.entries.push({ kind: "approval", agent: turn.agent, callId: event.callId ?? "", name: event.name ?? "tool", arguments: event.arguments, status: "pending" });
      }
      break;
    case "approval.resolved": {
      const approval = findApproval(turn, event.callId);
      const status = (event.status ?? "rejected") as ApprovalStatus;
      if (approval) {
        approval.status = status;
        approval.comment = event.comment;
      } else {
        turn.entries.push({ kind: "approval", agent: turn.agent, callId: event.callId ?? "", name: event.name ?? "tool", status, comment: event.comment });
      }
      break;
    }
    case "handoff":
      turn.entries.push({ kind: "handoff", from: event.agent, to: event.to ?? "" });
      if (event.to) turn.agent = event.to;
      break;
    case "turn.retrying":
      keepEarlierStepsText(turn, event.text?.length ?? 0);
      turn.retryAttempt = event.attempt;
      break;
    default:
      break;
  }

  if (terminalEventTypes.has(event.type)) {
    turn.ended = event.type.slice("turn.".length) as LiveTurn["ended"];
    turn.reply = event.reply;
    turn.error = event.error;
    endedTurns.add(event.turnId);
  }
  return turn;
}

/**
 * The approvals a 202 answer names, for a page whose event stream has not shown them (it is down,
 * or behind): the turn to show next.
 */
export function withWaitingApprovals(current: LiveTurn | undefined, waiting: TurnWaiting, agent: string): LiveTurn {
  const turn = current?.turnId === waiting.turnId ? current : { turnId: waiting.turnId, agent, entries: [] };
  for (const approval of waiting.approvals ?? []) {
    if (!findApproval(turn, approval.callId)) turn.entries.push({ kind: "approval", agent: turn.agent, ...approval, status: "pending" });
  }
  return turn;
}

/** A call shows before its approval request, also when the request was known first (from a 202 answer). */
function insertBeforeItsApproval(turn: LiveTurn, call: ToolEntry): void {
  const approval = turn.entries.findIndex((e) => e.kind === "approval" && e.callId === call.callId);
  if (approval < 0) turn.entries.push(call);
  else turn.entries.splice(approval, 0, call);
}

function findTool(turn: LiveTurn, callId: string | undefined): ToolEntry | undefined {
  return turn.entries.find((e): e is ToolEntry => e.kind === "tool" && e.callId === callId);
}

function findApproval(turn: LiveTurn, callId: string | undefined): ApprovalEntry | undefined {
  return turn.entries.find((e): e is ApprovalEntry => e.kind === "approval" && e.callId === callId);
}

/**
 * A retried step streams its text anew: keep the text of the turn's earlier steps (the first
 * `length` characters the turn streamed; none when the whole turn is retried) and drop the rest.
 * Tool calls and handoffs already happened.
 */
function keepEarlierStepsText(turn: LiveTurn, length: number): void {
  let left = length;
  for (const entry of turn.entries) {
    if (entry.kind !== "text") continue;
    entry.text = entry.text.slice(0, left);
    left -= entry.text.length;
  }
  turn.entries = turn.entries.filter((e) => e.kind !== "text" || e.text.length > 0);
}

export function liveTurnHasContent(turn: LiveTurn): boolean {
  return turn.entries.some((e) => e.kind !== "text" || e.text.length > 0);
}

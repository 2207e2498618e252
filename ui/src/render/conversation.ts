import type { ApprovalRequestItem, SessionItem, ToolResultItem } from "../api/types";
import { h } from "../dom";
import type { PendingTurn, SessionView } from "../state";
import { latestTurnItems, liveEntriesBeyondStored, unansweredApprovals, waitsForApproval } from "../turns/runningTurn";
import { approvalCard, type DecideApproval } from "./approvalCard";
import { assistantMessage, handoff, toolCall, unknownItem, userMessage } from "./items";
import { renderLiveTurn, type ApprovalEntry } from "./liveTurn";
import { olderHistory } from "./olderHistory";
import { turnStatus } from "./turnStatus";

export interface ConversationActions {
  retry(): void;
  discard(): void;
  suggest(text: string): void;
  reload(): void;
  /** Reads the page before the items shown. */
  loadEarlier(): void;
  /** Sends the message of a failed turn again, as a new turn. */
  resend(message: string): void;
  decideApproval: DecideApproval;
}

export const suggestions = [
  "How much baggage can I bring?",
  "Is there wifi on the plane?",
  "I want to change my seat.",
];

export function renderConversation(view: SessionView, actions: ConversationActions): Node[] {
  const nodes: Node[] = [];
  if (view.load === "loading" && view.items.length === 0 && !view.pending) {
    nodes.push(h("li", { className: "timeline-note", "data-testid": "history-loading" }, "Loading conversation…"));
    return nodes;
  }
  if (view.load === "error") {
    nodes.push(loadErrorBox(view.loadError ?? "The conversation could not be loaded.", actions.reload));
  }
  if (view.items.length === 0 && !view.pending && view.load !== "error") {
    nodes.push(welcome(actions.suggest));
    return nodes;
  }
  const idle = !view.pending && !view.awaitingReply;
  const unanswered = unansweredApprovals(view.items);
  const storedApproval = (item: ApprovalRequestItem) =>
    approvalCard({ ...item, sessionId: view.id, live: false, unanswered: unanswered.has(item.callId) }, view.approvals.get(item.callId), actions.decideApproval);
  const liveApproval = (entry: ApprovalEntry) =>
    approvalCard({ ...entry, sessionId: view.id, live: true }, view.approvals.get(entry.callId), actions.decideApproval);
  const earlier = olderHistory(view, actions.loadEarlier);
  if (earlier) nodes.push(earlier);
  nodes.push(...renderItems(view.items, view.start, storedApproval, idle ? actions : undefined));
  const live = view.live && !view.live.ended ? view.live : undefined;
  const waiting = waitsForApproval(view);
  if (view.pending) {
    const delivery = view.pending.status === "failed" ? "failed" : view.pending.status === "waiting" ? undefined : "sending";
    nodes.push(userMessage(view.pending.message, view.pending.sentAt, view.agent, delivery));
    if (view.pending.status === "failed") nodes.push(sendErrorBox(view.pending, actions));
    else {
      if (view.live) nodes.push(...renderLiveTurn(view.live, liveApproval));
      if (!view.live?.ended || view.pending.status === "retrying") nodes.push(workingIndicator(live?.agent ?? view.agent, view.pending, view.stopping, waiting));
    }
  } else if (view.awaitingReply) {
    if (view.live) nodes.push(...renderLiveTurn(view.live, liveApproval, liveEntriesBeyondStored(view.live, latestTurnItems(view.items))));
    nodes.push(workingIndicator(live?.agent ?? view.agent, undefined, view.stopping, waiting));
  }
  return nodes;
}

/**
 * The stored items, each entry marked with its item's position in the whole history (`data-position`,
 * `start` being the first item's); `actions` when idle, so the last failed turn offers Retry.
 */
function renderItems(items: SessionItem[], start: number, approval: (item: ApprovalRequestItem) => HTMLElement, actions?: ConversationActions): Node[] {
  const results = new Map<string, ToolResultItem>();
  const callIds = new Set<string>();
  const handoffIds = new Set<string>();
  for (const item of items) {
    if (item.type === "tool_result") results.set(item.callId, item);
    else if (item.type === "tool_call") callIds.add(item.callId);
    else if (item.type === "handoff" && item.callId) handoffIds.add(item.callId);
  }

  const nodes: Node[] = [];
  for (const [index, item] of items.entries()) {
    const before = nodes.length;
    switch (item.type) {
      case "message":
        nodes.push(item.role === "user" ? userMessage(item.content, item.timestamp, item.agent) : assistantMessage(item));
        break;
      case "tool_call":
        nodes.push(toolCall(item, results.get(item.callId)));
        break;
      case "tool_result":
        // Shown inside its call; a handoff's own function result needs no block of its own.
        if (!callIds.has(item.callId) && !handoffIds.has(item.callId)) nodes.push(toolCall(undefined, item));
        break;
      case "handoff":
        nodes.push(handoff(item));
        break;
      case "approval_request":
        nodes.push(approval(item));
        break;
      case "turn_status": {
        const isLast = item === items.at(-1);
        const message = lastUserMessageBefore(items, item);
        const resend = actions && isLast && item.status === "failed" && message !== undefined ? () => actions.resend(message) : undefined;
        nodes.push(turnStatus(item, resend));
        break;
      }
      default:
        nodes.push(unknownItem(item));
    }
    for (const node of nodes.slice(before)) if (node instanceof HTMLElement) node.dataset.position = String(start + index);
  }
  return nodes;
}

function lastUserMessageBefore(items: SessionItem[], item: SessionItem): string | undefined {
  for (let i = items.indexOf(item) - 1; i >= 0; i--) {
    const candidate = items[i]!;
    if (candidate.type === "message" && candidate.role === "user") return candidate.content;
  }
  return undefined;
}

function workingIndicator(agent: string, pending?: PendingTurn, stopping = false, waitingForApproval = false): HTMLElement {
  let text = `${agent} is working…`;
  let status: string = pending?.status ?? "awaiting";
  if (waitingForApproval) {
    text = `${agent} waits for your approval…`;
    status = "approval";
  } else if (pending?.status === "retrying" && pending.retry) {
    const seconds = Math.max(1, Math.round(pending.retry.delayMs / 1000));
    text = `Connection problem — retrying in ${seconds} s (attempt ${pending.retry.attempt} of ${pending.retry.maxAttempts})…`;
  } else if (!pending) {
    text = `Waiting for ${agent}’s reply…`;
  }
  if (stopping) text = "Stopping…";
  return h(
    "li",
    { className: `working${waitingForApproval && !stopping ? " is-waiting" : ""}`, "data-testid": "working-indicator", "data-status": stopping ? "stopping" : status, role: "status" },
    h("span", { className: "typing", "aria-hidden": "true" }, h("i"), h("i"), h("i")),
    h("span", {}, text),
  );
}

function sendErrorBox(pending: PendingTurn, actions: ConversationActions): HTMLElement {
  return h(
    "li",
    { className: "error-box", "data-testid": "error-box", role: "alert" },
    h("div", { className: "error-title" }, "Your message was not processed"),
    h("p", { className: "error-detail", "data-testid": "error-detail" }, pending.error ?? "Unknown error."),
    h(
      "div",
      { className: "error-actions" },
      h("button", { type: "button", className: "btn btn-primary", "data-testid": "retry-button", onclick: () => actions.retry() }, "Retry"),
      h(
        "button",
        { type: "button", className: "btn btn-ghost", "data-testid": "discard-button", "aria-label": "Discard this message and put its text back in the input", onclick: () => actions.discard() },
        "Edit message",
      ),
    ),
  );
}

function loadErrorBox(message: string, reload: () => void): HTMLElement {
  return h(
    "li",
    { className: "error-box", "data-testid": "load-error", role: "alert" },
    h("div", { className: "error-title" }, "Could not load this conversation"),
    h("p", { className: "error-detail" }, message),
    h("div", { className: "error-actions" }, h("button", { type: "button", className: "btn btn-primary", "data-testid": "load-retry-button", onclick: () => reload() }, "Try again")),
  );
}

function welcome(suggest: (text: string) => void): HTMLElement {
  return h(
    "li",
    { className: "welcome", "data-testid": "welcome" },
    h("div", { className: "welcome-icon", "aria-hidden": "true" }, "✈"),
    h("h2", {}, "How can we help with your trip?"),
    h("p", {}, "The triage agent will hand you to the FAQ or seat booking agent as needed."),
    h(
      "div",
      { className: "suggestions" },
      suggestions.map((text) => h("button", { type: "button", className: "chip", "data-testid": "suggestion", onclick: () => suggest(text) }, text)),
    ),
  );
}

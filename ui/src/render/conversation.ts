import type { HandoffItem, MessageItem, SessionItem, ToolCallItem, ToolResultItem } from "../api/types";
import { h } from "../dom";
import type { PendingTurn, SessionView } from "../state";
import { agentBadge, agentInitials, agentTone } from "./agents";
import { renderMarkdown } from "./markdown";
import { clockTime, fullTime } from "./timeFormat";

export interface ConversationActions {
  retry(): void;
  discard(): void;
  suggest(text: string): void;
  reload(): void;
}

/** Tool-call blocks the user opened, kept open across re-renders. */
const openToolCalls = new Set<string>();

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
  nodes.push(...renderItems(view.items));
  if (view.pending) {
    nodes.push(userMessage(view.pending.message, view.pending.sentAt, view.agent, view.pending.status === "failed" ? "failed" : "sending"));
    if (view.pending.status === "failed") nodes.push(sendErrorBox(view.pending, actions));
    else nodes.push(workingIndicator(view.agent, view.pending));
  } else if (view.awaitingReply) {
    nodes.push(workingIndicator(view.agent));
  }
  return nodes;
}

function renderItems(items: SessionItem[]): Node[] {
  const results = new Map<string, ToolResultItem>();
  const callIds = new Set<string>();
  const handoffIds = new Set<string>();
  for (const item of items) {
    if (item.type === "tool_result") results.set(item.callId, item);
    else if (item.type === "tool_call") callIds.add(item.callId);
    else if (item.type === "handoff" && item.callId) handoffIds.add(item.callId);
  }

  const nodes: Node[] = [];
  for (const item of items) {
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
      default:
        nodes.push(unknownItem(item));
    }
  }
  return nodes;
}

function userMessage(content: string, timestamp: string, agent: string, pending?: "sending" | "failed"): HTMLElement {
  return h(
    "li",
    {
      className: `msg msg-user${pending ? ` is-${pending}` : ""}`,
      "data-testid": "message",
      "data-role": "user",
      "data-type": "message",
      "data-agent": agent,
      "data-pending": pending ? "true" : null,
    },
    h("div", { className: "bubble" }, h("div", { className: "bubble-text", "data-testid": "message-content" }, content)),
    h(
      "div",
      { className: "msg-meta" },
      pending === "sending"
        ? h("span", { className: "msg-status" }, "Sending…")
        : pending === "failed"
          ? h("span", { className: "msg-status failed" }, "Not sent")
          : h("time", { dateTime: timestamp, title: fullTime(timestamp) }, clockTime(timestamp)),
    ),
  );
}

function assistantMessage(item: MessageItem): HTMLElement {
  return h(
    "li",
    { className: "msg msg-assistant", "data-testid": "message", "data-role": "assistant", "data-type": "message", "data-agent": item.agent },
    avatar(item.agent),
    h(
      "div",
      { className: "msg-body" },
      h(
        "div",
        { className: "msg-head" },
        h("span", { className: `msg-author tone-text-${agentTone(item.agent)}`, "data-testid": "message-agent" }, item.agent),
        h("time", { dateTime: item.timestamp, title: fullTime(item.timestamp) }, clockTime(item.timestamp)),
      ),
      h("div", { className: "bubble markdown", "data-testid": "message-content" }, renderMarkdown(item.content)),
    ),
  );
}

function avatar(agent: string): HTMLElement {
  return h("span", { className: `avatar tone-${agentTone(agent)}`, "aria-hidden": "true" }, agentInitials(agent));
}

function toolCall(call: ToolCallItem | undefined, result: ToolResultItem | undefined): HTMLElement {
  const name = call?.name ?? result?.name ?? "tool";
  const callId = call?.callId ?? result?.callId ?? "";
  const agent = call?.agent ?? result?.agent ?? "";
  const details = h(
    "details",
    { className: "tool-details", open: openToolCalls.has(callId) },
    h(
      "summary",
      { "data-testid": "tool-call-summary", "aria-label": `Tool call ${name}${result ? ", finished" : ""}. Show arguments and result` },
      h("span", { className: "tool-icon", "aria-hidden": "true" }, "⚙"),
      h("span", { className: "tool-label" }, "Called "),
      h("code", { className: "tool-name", "data-testid": "tool-call-name" }, name),
      h("span", { className: `tool-state ${result ? "ok" : "missing"}` }, result ? "done" : "no result"),
      h("span", { className: "chevron", "aria-hidden": "true" }),
    ),
    h(
      "div",
      { className: "tool-panel" },
      call ? section("Arguments", formatJson(call.arguments), "tool-call-arguments") : null,
      section("Result", result ? formatResult(result.result) : "No result recorded.", "tool-call-result"),
    ),
  );
  details.addEventListener("toggle", () => {
    if (details.open) openToolCalls.add(callId);
    else openToolCalls.delete(callId);
  });
  return h(
    "li",
    { className: "tool-call", "data-testid": "tool-call", "data-type": "tool_call", "data-tool-name": name, "data-call-id": callId, "data-agent": agent },
    details,
  );
}

function section(title: string, body: string, testId: string): HTMLElement {
  return h("div", { className: "tool-section" }, h("div", { className: "tool-section-title" }, title), h("pre", { "data-testid": testId }, body));
}

function formatJson(value: unknown): string {
  if (typeof value === "string") {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2) ?? "";
}

const formatResult = formatJson;

function handoff(item: HandoffItem): HTMLElement {
  return h(
    "li",
    { className: "handoff", "data-testid": "handoff", "data-type": "handoff", "data-from": item.from, "data-to": item.to, role: "note" },
    h("span", { className: "handoff-line", "aria-hidden": "true" }),
    h(
      "span",
      { className: "handoff-text" },
      h("span", { className: "handoff-from" }, item.from),
      " handed off to ",
      agentBadge(item.to),
    ),
    h("span", { className: "handoff-line", "aria-hidden": "true" }),
  );
}

function unknownItem(item: SessionItem): HTMLElement {
  const raw = item as unknown as Record<string, unknown>;
  return h("li", { className: "timeline-note", "data-testid": "unknown-item", "data-type": String(raw.type) }, `Unrecognised item of type “${String(raw.type)}”.`);
}

function workingIndicator(agent: string, pending?: PendingTurn): HTMLElement {
  let text = `${agent} is working…`;
  if (pending?.status === "retrying" && pending.retry) {
    const seconds = Math.max(1, Math.round(pending.retry.delayMs / 1000));
    text = `Connection problem — retrying in ${seconds} s (attempt ${pending.retry.attempt} of ${pending.retry.maxAttempts})…`;
  } else if (!pending) {
    text = `Waiting for ${agent}’s reply…`;
  }
  return h(
    "li",
    { className: "working", "data-testid": "working-indicator", "data-status": pending?.status ?? "awaiting", role: "status" },
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

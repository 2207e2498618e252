import type { HandoffItem, MessageItem, SessionItem, ToolCallItem, ToolResultItem } from "../api/types";
import { h } from "../dom";
import { agentBadge, agentInitials, agentTone } from "./agents";
import { renderMarkdown } from "./markdown";
import { clockTime, fullTime } from "./timeFormat";

// One timeline entry per function: stored items, and the live turn's entries drawn the same way.

/** Tool-call blocks the user opened, kept open across re-renders. */
const openToolCalls = new Set<string>();

export function userMessage(content: string, timestamp: string, agent: string, pending?: "sending" | "failed"): HTMLElement {
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

export function assistantMessage(item: MessageItem): HTMLElement {
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

export function avatar(agent: string): HTMLElement {
  return h("span", { className: `avatar tone-${agentTone(agent)}`, "aria-hidden": "true" }, agentInitials(agent));
}

/** A tool call with its result in a collapsed block; `live` while its turn is still running. */
export function toolCall(call: ToolCallItem | undefined, result: ToolResultItem | undefined, options: { live?: boolean } = {}): HTMLElement {
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
      h("span", { className: `tool-state ${result ? "ok" : options.live ? "running" : "missing"}` }, result ? "done" : options.live ? "running…" : "no result"),
      h("span", { className: "chevron", "aria-hidden": "true" }),
    ),
    h(
      "div",
      { className: "tool-panel" },
      call ? section("Arguments", formatJson(call.arguments), "tool-call-arguments") : null,
      section("Result", result ? formatResult(result.result) : options.live ? "Waiting for the result…" : "No result recorded.", "tool-call-result"),
    ),
  );
  details.addEventListener("toggle", () => {
    if (details.open) openToolCalls.add(callId);
    else openToolCalls.delete(callId);
  });
  return h(
    "li",
    {
      className: `tool-call${options.live ? " is-live" : ""}`,
      "data-testid": "tool-call",
      "data-type": "tool_call",
      "data-tool-name": name,
      "data-call-id": callId,
      "data-agent": agent,
      "data-live": options.live ? "true" : null,
    },
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

export function handoff(item: HandoffItem, live = false): HTMLElement {
  return h(
    "li",
    { className: "handoff", "data-testid": "handoff", "data-type": "handoff", "data-from": item.from, "data-to": item.to, "data-live": live ? "true" : null, role: "note" },
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

export function unknownItem(item: SessionItem): HTMLElement {
  const raw = item as unknown as Record<string, unknown>;
  return h("li", { className: "timeline-note", "data-testid": "unknown-item", "data-type": String(raw.type) }, `Unrecognised item of type “${String(raw.type)}”.`);
}


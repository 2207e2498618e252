import { h } from "../dom";
import type { LiveEntry, LiveTurn } from "../live/liveTurn";
import { agentTone } from "./agents";
import { avatar, handoff, toolCall } from "./items";
import { renderMarkdown } from "./markdown";

export type ApprovalEntry = Extract<LiveEntry, { kind: "approval" }>;

/**
 * The turn that is running: its streamed text, tool calls, approvals and handoffs as they happen.
 * `entries` defaults to all of the turn's; `approval` draws an approval the way stored ones are drawn.
 */
export function renderLiveTurn(turn: LiveTurn, approval: (entry: ApprovalEntry) => HTMLElement, entries: LiveEntry[] = turn.entries): Node[] {
  const nodes: Node[] = [];
  for (const entry of entries) {
    if (entry.kind === "approval") {
      nodes.push(approval(entry));
    } else if (entry.kind === "handoff") {
      nodes.push(handoff({ type: "handoff", role: "assistant", agent: entry.from, from: entry.from, to: entry.to, timestamp: "" }, true));
    } else if (entry.kind === "tool") {
      const base = { agent: entry.agent, callId: entry.callId, name: entry.name, timestamp: "" };
      nodes.push(
        toolCall(
          entry.arguments !== undefined ? { ...base, type: "tool_call", role: "assistant", arguments: entry.arguments } : undefined,
          entry.done ? { ...base, type: "tool_result", role: "tool", result: entry.result } : undefined,
          { live: true },
        ),
      );
    } else if (entry.text.length > 0) {
      nodes.push(liveMessage(entry.agent, entry.text, turn.ended === undefined));
    }
  }
  if (turn.retryAttempt !== undefined && turn.ended === undefined) {
    nodes.push(
      h("li", { className: "timeline-note live-retry", "data-testid": "live-retrying", "data-attempt": String(turn.retryAttempt), role: "status" }, `Model request failed — retrying (attempt ${turn.retryAttempt})…`),
    );
  }
  return nodes;
}

function liveMessage(agent: string, text: string, streaming: boolean): HTMLElement {
  return h(
    "li",
    { className: `msg msg-assistant is-live${streaming ? " is-streaming" : ""}`, "data-testid": "live-message", "data-role": "assistant", "data-agent": agent },
    avatar(agent),
    h(
      "div",
      { className: "msg-body" },
      h("div", { className: "msg-head" }, h("span", { className: `msg-author tone-text-${agentTone(agent)}` }, agent), h("span", { className: "msg-status" }, streaming ? "typing…" : "")),
      h("div", { className: "bubble markdown", "data-testid": "live-message-content", "aria-busy": streaming ? "true" : "false" }, renderMarkdown(text)),
    ),
  );
}

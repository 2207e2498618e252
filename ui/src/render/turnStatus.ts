import type { TurnStatusItem } from "../api/types";
import { h } from "../dom";
import { clockTime, fullTime } from "./timeFormat";

/**
 * A turn that ended without a reply: a "Stopped" marker, or the error with Retry (which sends the
 * turn's message again as a new turn) when `resend` is given.
 */
export function turnStatus(item: TurnStatusItem, resend?: () => void): HTMLElement {
  const time = h("time", { dateTime: item.timestamp, title: fullTime(item.timestamp) }, clockTime(item.timestamp));
  if (item.status === "cancelled") {
    return h(
      "li",
      { className: "turn-status is-cancelled", "data-testid": "turn-stopped", "data-type": "turn_status", "data-status": "cancelled", "data-agent": item.agent, role: "note" },
      h("span", { className: "turn-status-icon", "aria-hidden": "true" }, "■"),
      h("span", { className: "turn-status-text" }, h("strong", {}, "Stopped"), ` — ${item.agent} did not finish this turn.`),
      time,
    );
  }
  return h(
    "li",
    { className: "error-box turn-status is-failed", "data-testid": "turn-failed", "data-type": "turn_status", "data-status": item.status, "data-agent": item.agent, role: "note" },
    h("div", { className: "error-title" }, `${item.agent} could not finish this turn`, " ", time),
    h("p", { className: "error-detail", "data-testid": "turn-error" }, item.error || "The turn failed."),
    resend
      ? h(
          "div",
          { className: "error-actions" },
          h("button", { type: "button", className: "btn btn-primary", "data-testid": "turn-retry-button", "aria-label": "Retry: send the same message again", onclick: () => resend() }, "Retry"),
        )
      : null,
  );
}

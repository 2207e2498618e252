import type { ApprovalStatus } from "../api/types";
import { h } from "../dom";
import type { ApprovalLocal } from "../state";
import { avatar } from "./items";
import { clockTime, fullTime } from "./timeFormat";

/** An approval request as stored in the history or reported by the live turn. */
export interface ApprovalShown {
  sessionId: string;
  callId: string;
  name: string;
  agent: string;
  /** An object, or its JSON text (as events carry it). */
  arguments?: unknown;
  status: ApprovalStatus;
  comment?: string;
  timestamp?: string;
  live: boolean;
  /** Still pending, but its turn ended (was stopped or failed): nothing can be decided any more. */
  unanswered?: boolean;
}

type ShownStatus = ApprovalStatus | "unanswered";

export type DecideApproval = (callId: string, approved: boolean, comment: string) => void;

const outcomeText: Record<Exclude<ShownStatus, "pending">, string> = {
  approved: "Approved",
  rejected: "Rejected",
  timed_out: "Timed out — not run",
  unanswered: "Not decided — the turn ended first",
};

/**
 * One card per approval, kept across re-renders: the comment typed so far, the caret and the focus
 * stay while the timeline is redrawn around it.
 */
const cards = new Map<string, ApprovalCard>();

export function approvalCard(approval: ApprovalShown, local: ApprovalLocal | undefined, decide: DecideApproval): HTMLElement {
  const key = `${approval.sessionId}\n${approval.callId}`;
  let card = cards.get(key);
  if (!card) {
    card = new ApprovalCard(cards.size);
    cards.set(key, card);
  }
  card.update(approval, local, decide);
  return card.element;
}

class ApprovalCard {
  readonly element = h("li", { className: "approval", "data-testid": "approval-request", role: "group" });
  private readonly titleId: string;
  private readonly comment: HTMLTextAreaElement;
  private shownStatus: ShownStatus | undefined;

  constructor(serial: number) {
    this.titleId = `approval-title-${serial}`;
    this.element.setAttribute("aria-labelledby", this.titleId);
    this.comment = h("textarea", {
      id: `approval-comment-${serial}`,
      className: "approval-comment",
      "data-testid": "approval-comment",
      rows: 2,
      maxlength: 2000,
      placeholder: "Optional: tell the agent why",
    });
    // Escape in the comment leaves the text alone; it must not stop the whole turn.
    this.comment.addEventListener("keydown", (e) => {
      if (e.key === "Escape") e.stopPropagation();
    });
  }

  update(approval: ApprovalShown, local: ApprovalLocal | undefined, decide: DecideApproval): void {
    const decided = local?.decided?.status ?? approval.status;
    const status: ShownStatus = decided === "pending" && approval.unanswered ? "unanswered" : decided;
    const comment = local?.decided?.comment ?? approval.comment;
    const hadFocus = this.element.contains(document.activeElement);
    const justDecided = this.shownStatus === "pending" && status !== "pending";
    this.shownStatus = status;

    const el = this.element;
    el.className = `approval is-${status.replace("_", "-")}${approval.live ? " is-live" : ""}`;
    el.dataset.callId = approval.callId;
    el.dataset.toolName = approval.name;
    el.dataset.agent = approval.agent;
    el.dataset.status = status;
    if (approval.live) el.dataset.live = "true";
    else delete el.dataset.live;
    el.setAttribute("aria-busy", local?.posting ? "true" : "false");

    const outcome = status === "pending" ? undefined : this.outcome(status, comment);
    el.replaceChildren(
      avatar(approval.agent),
      h(
        "div",
        { className: "approval-body" },
        this.head(approval, status),
        argumentList(approval.arguments),
        status === "pending" ? this.decisionForm(approval.callId, local, decide) : outcome,
      ),
    );
    if (outcome && justDecided && hadFocus) outcome.focus({ preventScroll: true });
  }

  private head(approval: ApprovalShown, status: ShownStatus): HTMLElement {
    const title = status === "pending" ? "Approval needed" : "Approval request";
    return h(
      "div",
      { className: "approval-head" },
      h("h3", { id: this.titleId, className: "approval-title" }, `${title}: `, h("code", { className: "tool-name", "data-testid": "approval-tool-name" }, approval.name)),
      approval.timestamp ? h("time", { dateTime: approval.timestamp, title: fullTime(approval.timestamp) }, clockTime(approval.timestamp)) : null,
      h("p", { className: "approval-question" }, `${approval.agent} wants to run this tool${status === "pending" ? ". Allow it?" : "."}`),
    );
  }

  private decisionForm(callId: string, local: ApprovalLocal | undefined, decide: DecideApproval): HTMLElement {
    const posting = local?.posting;
    this.comment.readOnly = posting !== undefined;
    const send = (approved: boolean) => decide(callId, approved, this.comment.value.trim());
    return h(
      "div",
      { className: "approval-form" },
      h("label", { className: "approval-comment-label", for: this.comment.id }, "Comment (optional)"),
      this.comment,
      h(
        "div",
        { className: "approval-actions" },
        h(
          "button",
          { type: "button", className: "btn btn-primary", "data-testid": "approval-approve", disabled: posting !== undefined, onclick: () => send(true) },
          posting === "approve" ? "Approving…" : "Approve",
        ),
        h(
          "button",
          { type: "button", className: "btn btn-ghost btn-danger", "data-testid": "approval-reject", disabled: posting !== undefined, onclick: () => send(false) },
          posting === "reject" ? "Rejecting…" : "Reject",
        ),
      ),
      local?.error ? h("p", { className: "approval-error", "data-testid": "approval-error", role: "alert" }, local.error) : null,
    );
  }

  private outcome(status: Exclude<ShownStatus, "pending">, comment: string | undefined): HTMLElement {
    return h(
      "div",
      { className: "approval-outcome", "data-testid": "approval-outcome", tabindex: -1 },
      h("strong", { className: `approval-status is-${status.replace("_", "-")}`, "data-testid": "approval-status", "data-status": status }, outcomeText[status]),
      comment ? h("blockquote", { className: "approval-decided-comment", "data-testid": "approval-decided-comment" }, comment) : null,
    );
  }
}

/** The tool's arguments as "name: value" lines; anything that is not a JSON object as formatted JSON. */
function argumentList(raw: unknown): HTMLElement {
  const value = parseArguments(raw);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return h("p", { className: "approval-args-none", "data-testid": "approval-arguments" }, "No arguments.");
    return h(
      "dl",
      { className: "approval-args", "data-testid": "approval-arguments" },
      entries.flatMap(([name, v]) => [h("dt", {}, readableName(name)), h("dd", {}, typeof v === "string" ? v : JSON.stringify(v))]),
    );
  }
  return h("pre", { className: "approval-args-raw", "data-testid": "approval-arguments" }, value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value, null, 2));
}

function parseArguments(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** `new_seat` and `newSeat` both read "new seat". */
function readableName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
}

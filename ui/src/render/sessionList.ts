import type { SessionSummary } from "../api/types";
import { h } from "../dom";
import { sessionUrl } from "../route";
import { agentTone } from "./agents";
import { fullTime, relativeTime } from "./timeFormat";

export interface SessionListModel {
  sessions: SessionSummary[];
  currentId: string | null;
  /** Sessions that have a turn in flight in this tab. */
  busyIds: ReadonlySet<string>;
  stateLink: (id: string) => string | null;
  onOpen: (id: string) => void;
}

export function renderSessionList(model: SessionListModel): Node[] {
  const rows = [...model.sessions];
  // A session created here has no server state until its first message; list it anyway.
  if (model.currentId && !rows.some((s) => s.sessionId === model.currentId)) {
    rows.unshift({ sessionId: model.currentId, agent: "", messageCount: 0, lastMessage: "", updatedAt: "" });
  }
  if (rows.length === 0) return [h("li", { className: "session-empty" }, "No conversations yet.")];
  return rows.map((s) => sessionRow(s, model));
}

function sessionRow(s: SessionSummary, model: SessionListModel): HTMLElement {
  const current = s.sessionId === model.currentId;
  const busy = model.busyIds.has(s.sessionId);
  const title = plainPreview(s.lastMessage) || (s.messageCount === 0 ? "New conversation" : s.sessionId);
  const link = h(
    "a",
    {
      className: "session-link",
      href: sessionUrl(s.sessionId),
      "data-testid": "session-link",
      "aria-current": current ? "page" : null,
      title: s.sessionId,
      onclick: (e: Event) => {
        const me = e as MouseEvent;
        if (me.button !== 0 || me.metaKey || me.ctrlKey || me.shiftKey || me.altKey) return;
        e.preventDefault();
        model.onOpen(s.sessionId);
      },
    },
    h("span", { className: "session-title", "data-testid": "session-title" }, title),
    h(
      "span",
      { className: "session-meta" },
      s.agent ? h("span", { className: `dot tone-${agentTone(s.agent)}`, "aria-hidden": "true" }) : null,
      s.agent ? h("span", { className: "session-agent" }, s.agent) : h("span", { className: "session-agent" }, "Not started"),
      busy ? h("span", { className: "session-busy" }, "· working…") : null,
      s.updatedAt ? h("time", { className: "session-time", dateTime: s.updatedAt, title: fullTime(s.updatedAt) }, relativeTime(s.updatedAt)) : null,
    ),
  );
  const stateHref = model.stateLink(s.sessionId);
  const stateLink = stateHref
    ? h(
        "a",
        {
          className: "icon-link state-link",
          href: stateHref,
          target: "_blank",
          rel: "noopener",
          "data-testid": "session-state-link",
          "aria-label": `Open the state of session ${s.sessionId} in the Restate UI`,
          title: "State in Restate UI",
        },
        databaseIcon(),
      )
    : null;
  return h(
    "li",
    { className: `session-item${current ? " is-current" : ""}`, "data-testid": "session-item", "data-session-id": s.sessionId, "data-agent": s.agent || null },
    link,
    stateLink,
  );
}

/** The last message as one line of plain text (Markdown marks dropped). */
function plainPreview(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~#>]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function databaseIcon(): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("fill", "none");
  svg.setAttribute("stroke", "currentColor");
  svg.setAttribute("stroke-width", "2");
  svg.setAttribute("stroke-linecap", "round");
  for (const d of ["M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3z", "M4 6v6c0 1.7 3.6 3 8 3s8-1.3 8-3V6", "M4 12v6c0 1.7 3.6 3 8 3s8-1.3 8-3v-6"]) {
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}

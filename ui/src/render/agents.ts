import { h } from "../dom";

const knownTones: Record<string, string> = {
  "Triage Agent": "indigo",
  "FAQ Agent": "teal",
  "Seat Booking Agent": "amber",
};
const spareTones = ["rose", "sky", "violet", "lime"];

/** A stable colour per agent name, so the same agent always looks the same. */
export function agentTone(agent: string): string {
  const known = knownTones[agent];
  if (known) return known;
  let hash = 0;
  for (const ch of agent) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return spareTones[Math.abs(hash) % spareTones.length]!;
}

export function agentInitials(agent: string): string {
  const words = agent.replace(/\bagent\b/i, "").trim().split(/\s+/).filter(Boolean);
  return (words.length ? words : [agent]).slice(0, 2).map((w) => w[0]!.toUpperCase()).join("");
}

export function agentBadge(agent: string, testId?: string): HTMLElement {
  return h(
    "span",
    { className: `agent-badge tone-${agentTone(agent)}`, "data-testid": testId, "data-agent": agent },
    h("span", { className: "agent-dot", "aria-hidden": "true" }),
    agent,
  );
}

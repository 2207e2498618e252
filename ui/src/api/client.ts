import { requestJson } from "./http";
import type { AppInfo, ApprovalDecisionResult, CancelResult, HistoryPage, SessionList, SessionSettings, TurnAnswer } from "./types";

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

/** The session's Server-Sent Events stream. */
export const eventsUrl = (id: string) => `${sessionPath(id)}/events`;

/** A turn runs the agent and its model; allow it much longer than a plain read. */
export const turnTimeoutMs = 60_000;

export const api = {
  info: async () => (await requestJson<AppInfo>("/api/info"))!,

  listSessions: async () => (await requestJson<SessionList>("/api/sessions"))!,

  /** At most `limit` items: the newest, those before position `before`, or those from position `after` on. */
  getHistoryPage: async (id: string, page: { limit: number; before?: number; after?: number }) => {
    const query = new URLSearchParams({ limit: String(page.limit) });
    if (page.before !== undefined) query.set("before", String(page.before));
    if (page.after !== undefined) query.set("after", String(page.after));
    return (await requestJson<HistoryPage>(`${sessionPath(id)}?${query}`))!;
  },

  /** One attempt of a turn (200 with the reply, or 202 while it waits for an approval); the idempotency key makes repeating it safe. */
  postMessage: async (id: string, message: string, idempotencyKey: string, timeoutMs = turnTimeoutMs) =>
    (await requestJson<TurnAnswer>(`${sessionPath(id)}/messages`, {
      method: "POST",
      body: { message },
      headers: { "Idempotency-Key": idempotencyKey },
      timeoutMs,
    }))!,

  /** Stops the turn in progress (202); a 409 problem when none runs. */
  cancelTurn: async (id: string) => await requestJson<CancelResult>(`${sessionPath(id)}/cancel`, { method: "POST" }),

  getSettings: async (id: string) => (await requestJson<SessionSettings>(`${sessionPath(id)}/settings`))!,

  /** Changes only the given fields; answers with the full settings. */
  putSettings: async (id: string, change: Partial<SessionSettings>) =>
    (await requestJson<SessionSettings>(`${sessionPath(id)}/settings`, { method: "PUT", body: change }))!,

  /** 404 when no pending approval has this call id, 409 when it was already decided. */
  decideApproval: async (id: string, callId: string, approved: boolean, comment?: string) =>
    (await requestJson<ApprovalDecisionResult>(`${sessionPath(id)}/approvals/${encodeURIComponent(callId)}`, {
      method: "POST",
      body: comment ? { approved, comment } : { approved },
    }))!,
};

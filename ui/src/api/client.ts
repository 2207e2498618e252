import { requestJson } from "./http";
import type { AppInfo, CancelResult, SessionHistory, SessionList, TurnResult } from "./types";

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

/** The session's Server-Sent Events stream. */
export const eventsUrl = (id: string) => `${sessionPath(id)}/events`;

/** A turn runs the agent and its model; allow it much longer than a plain read. */
export const turnTimeoutMs = 60_000;

export const api = {
  info: async () => (await requestJson<AppInfo>("/api/info"))!,

  listSessions: async () => (await requestJson<SessionList>("/api/sessions"))!,

  getSession: async (id: string) => (await requestJson<SessionHistory>(sessionPath(id)))!,

  /** One attempt of a turn; the idempotency key makes repeating it safe. */
  postMessage: async (id: string, message: string, idempotencyKey: string, timeoutMs = turnTimeoutMs) =>
    (await requestJson<TurnResult>(`${sessionPath(id)}/messages`, {
      method: "POST",
      body: { message },
      headers: { "Idempotency-Key": idempotencyKey },
      timeoutMs,
    }))!,

  /** Stops the turn in progress (202); a 409 problem when none runs. */
  cancelTurn: async (id: string) => await requestJson<CancelResult>(`${sessionPath(id)}/cancel`, { method: "POST" }),
};

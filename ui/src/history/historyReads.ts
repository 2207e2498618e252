import { api } from "../api/client";
import type { HistoryPage } from "../api/types";
import type { SessionView } from "../state";
import { latestTurnPosition, type HistoryWindow } from "./historyWindow";

/**
 * Items per read. 50 fill a tall window a few times over (a turn is ~4 to 6 items) and render at
 * once; scrolling up reads the next 50 well before the user reaches the top.
 */
export const historyPageSize = 50;

/**
 * The newest page of the history, and the pages before it while it does not reach back to a user
 * message: the latest turn is always read whole, so whether it still runs can be told from it.
 */
export async function readNewest(sessionId: string): Promise<HistoryWindow> {
  let page = await api.getHistoryPage(sessionId, { limit: historyPageSize });
  const agent = page.agent;
  let items = page.items;
  while (!items.some(isUserMessage) && page.nextBefore !== null) {
    page = await api.getHistoryPage(sessionId, { limit: historyPageSize, before: page.nextBefore });
    items = [...page.items, ...items];
  }
  return { agent, start: page.start, items, nextBefore: page.nextBefore, replace: true };
}

/**
 * What changed at the end of the history since the view read it: the items from the view's latest
 * turn on (a turn changes its own items, e.g. an approval's status, and adds new ones), page by page
 * forwards. When they no longer fit what the view holds (the session was cleared, or a stopped turn
 * dropped items), the newest page instead. A view that has read nothing yet gets the newest page.
 */
export async function readLatest(view: SessionView): Promise<HistoryWindow> {
  if (view.load !== "ready" && view.items.length === 0) return readNewest(view.id);
  const from = latestTurnPosition(view);
  const atFrom = view.items[from - view.start];
  const expectUser = atFrom !== undefined && isUserMessage(atFrom);
  let page = await api.getHistoryPage(view.id, { limit: historyPageSize, after: from });
  const first = page;
  let items = page.items;
  while (page.nextAfter !== null) {
    page = await api.getHistoryPage(view.id, { limit: historyPageSize, after: page.nextAfter });
    items = [...items, ...page.items];
  }
  const fits = first.start === from && (!expectUser || (items[0] !== undefined && isUserMessage(items[0])));
  if (!fits) return readNewest(view.id);
  return { agent: first.agent, start: from, items, nextBefore: first.nextBefore, replace: false };
}

/** The page before position `before`. */
export function readOlder(sessionId: string, before: number): Promise<HistoryPage> {
  return api.getHistoryPage(sessionId, { limit: historyPageSize, before });
}

function isUserMessage(item: { type: string; role?: string }): boolean {
  return item.type === "message" && item.role === "user";
}

import type { SessionItem } from "../api/types";
import type { SessionView } from "../state";

/**
 * The items of a history from position `start` to its end, as read from the server. `replace`: they
 * do not continue what the view holds (its first read, or the history changed under it), so they
 * take the place of all of it.
 */
export interface HistoryWindow {
  agent: string;
  start: number;
  items: SessionItem[];
  /** `before=` for the items before `start`; null when `start` is the history's start. */
  nextBefore: number | null;
  replace: boolean;
}

/** The view's items with the window's in place of those from the window's start on. */
export function mergedItems(view: SessionView, window: HistoryWindow): SessionItem[] {
  if (window.replace || window.start <= view.start || window.start > view.start + view.items.length) return window.items;
  return [...view.items.slice(0, window.start - view.start), ...window.items];
}

/** Shows the window in the view: its items take the place of the view's from the window's start on. */
export function showWindow(view: SessionView, window: HistoryWindow): void {
  const merged = mergedItems(view, window);
  if (merged === window.items) {
    view.start = window.start;
    view.olderBefore = window.nextBefore;
  }
  if (window.replace && view.older === "error") {
    view.older = "idle";
    view.olderError = undefined;
  }
  view.items = merged;
  view.agent = window.agent || view.agent;
}

/** The view's position of the latest turn's user message (where a refresh reads from), or its start when it holds none. */
export function latestTurnPosition(view: SessionView): number {
  for (let i = view.items.length - 1; i >= 0; i--) {
    const item = view.items[i]!;
    if (item.type === "message" && item.role === "user") return view.start + i;
  }
  return view.start;
}

/** Puts an older page in front of the view's items (and of a sending turn's items, which the reply is appended to). */
export function prependOlder(view: SessionView, items: SessionItem[], start: number, nextBefore: number | null): void {
  if (start + items.length !== view.start) return; // the view changed meanwhile; the page no longer fits
  view.items = [...items, ...view.items];
  if (view.pending) view.pending.itemsBefore = [...items, ...view.pending.itemsBefore];
  view.start = start;
  view.olderBefore = nextBefore;
}

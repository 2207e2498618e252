import { h } from "../dom";
import type { SessionView } from "../state";

export const loadEarlierTestId = "load-earlier-button";

/**
 * The top of a conversation that starts before the items shown: a "Load earlier messages" button
 * (also pressed by scrolling up to it, see ui/earlierSentinel.ts), "Loading earlier messages…"
 * while the page is on its way, the error and "Try again" when it failed. Nothing at the history's start.
 * The button stays in place (aria-disabled while loading) so keyboard focus stays on it.
 */
export function olderHistory(view: SessionView, loadEarlier: () => void): HTMLElement | null {
  if (view.olderBefore === null || view.items.length === 0) return null;
  const loading = view.older === "loading";
  const failed = view.older === "error";
  return h(
    "li",
    { className: "older-history", "data-testid": "older-history", "data-state": view.older },
    failed && h("p", { className: "older-error", "data-testid": "older-error", role: "alert" }, `Earlier messages could not be loaded: ${view.olderError ?? "unknown error"}`),
    h(
      "button",
      {
        type: "button",
        className: "btn btn-ghost older-button",
        "data-testid": loadEarlierTestId,
        "data-state": view.older,
        "aria-disabled": loading ? "true" : null,
        "aria-busy": loading ? "true" : null,
        "aria-label": failed ? "Try again to load earlier messages" : null,
        onclick: () => {
          if (!loading) loadEarlier();
        },
      },
      loading ? "Loading earlier messages…" : failed ? "Try again" : "Load earlier messages",
    ),
  );
}

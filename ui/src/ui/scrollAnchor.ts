/**
 * Where entries of the timeline were on screen (by their item's `data-position`), to keep them
 * there when the timeline is drawn again. Several, from the top down: an entry can go when older
 * items come (a tool result shown alone is then shown inside its call), the next one is used then.
 */
export type ScrollAnchor = { position: string; top: number }[];

const candidates = 5;

/** The first few entries with a position that show at the top of the scroll area or below it. */
export function captureAnchor(scrollArea: HTMLElement, timeline: HTMLElement): ScrollAnchor | undefined {
  const areaTop = scrollArea.getBoundingClientRect().top;
  const anchor: ScrollAnchor = [];
  for (const entry of timeline.querySelectorAll<HTMLElement>(":scope > [data-position]")) {
    const rect = entry.getBoundingClientRect();
    if (rect.bottom > areaTop) anchor.push({ position: entry.dataset.position!, top: rect.top });
    if (anchor.length === candidates) break;
  }
  return anchor.length > 0 ? anchor : undefined;
}

/** Scrolls so the first anchor entry still drawn is where it was: items put in front of it do not move the view. */
export function restoreAnchor(scrollArea: HTMLElement, timeline: HTMLElement, anchor: ScrollAnchor): void {
  for (const { position, top } of anchor) {
    const entry = timeline.querySelector<HTMLElement>(`:scope > [data-position="${position}"]`);
    if (!entry) continue;
    // Instantly: the scroll area scrolls smoothly otherwise, and the view would slide.
    scrollArea.scrollBy({ top: entry.getBoundingClientRect().top - top, behavior: "instant" });
    return;
  }
}

/**
 * Calls `reached` when the top of the conversation (the "Load earlier messages" control) scrolls
 * into view, or comes near it, so older pages load as the user scrolls up.
 */
export class EarlierSentinel {
  private readonly observer: IntersectionObserver;

  constructor(scrollArea: HTMLElement, reached: () => void) {
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) reached();
    }, { root: scrollArea, rootMargin: "150px 0px 0px 0px" });
  }

  /** Watches the control of the latest render (none at the history's start): each render makes a new one. */
  watch(control: Element | null): void {
    this.observer.disconnect();
    if (control) this.observer.observe(control);
  }
}

import { byTestId } from "../dom";

/** On narrow screens the session list is a drawer; on wide screens it is always shown. */
export class Sidebar {
  private readonly panel = byTestId(document, "sidebar");
  private readonly toggle = byTestId<HTMLButtonElement>(document, "sessions-toggle");
  private readonly closeButton = byTestId<HTMLButtonElement>(document, "sessions-close");
  private readonly scrim = byTestId(document, "sidebar-scrim");

  constructor() {
    this.toggle.addEventListener("click", () => (this.isOpen ? this.close() : this.open()));
    this.closeButton.addEventListener("click", () => this.close(true));
    this.scrim.addEventListener("click", () => this.close(true));
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && this.isOpen) this.close(true);
    });
  }

  private get isOpen(): boolean {
    return document.body.classList.contains("sidebar-open");
  }

  open(): void {
    document.body.classList.add("sidebar-open");
    this.toggle.setAttribute("aria-expanded", "true");
    this.scrim.hidden = false;
    this.panel.querySelector<HTMLElement>("[aria-current=page], .new-session")?.focus();
  }

  close(returnFocus = false): void {
    if (!this.isOpen) return;
    document.body.classList.remove("sidebar-open");
    this.toggle.setAttribute("aria-expanded", "false");
    this.scrim.hidden = true;
    if (returnFocus) this.toggle.focus();
  }
}

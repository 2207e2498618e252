import { api } from "../api/client";
import { describeError } from "../api/errors";
import type { Durability, SessionSettings } from "../api/types";
import { byTestId } from "../dom";

const durabilityLabels: Record<Durability, string> = {
  turn: "One step per turn",
  step: "One step per model/tool call",
};

/**
 * The open session's settings (durability, approvals) behind a header button: read when a session
 * opens, saved as soon as a control changes; a failed save puts the controls back and says why.
 */
export class SessionSettingsControl {
  private readonly root = byTestId(document, "session-settings");
  private readonly toggle = byTestId<HTMLButtonElement>(document, "session-settings-toggle");
  private readonly summary = byTestId(document, "settings-summary");
  private readonly panel = byTestId(document, "settings-panel");
  private readonly durability = [...this.panel.querySelectorAll<HTMLInputElement>("input[name=durability]")];
  private readonly approvals = byTestId<HTMLInputElement>(document, "settings-approvals");
  private readonly status = byTestId(document, "settings-status");
  private readonly error = byTestId(document, "settings-error");

  private sessionId = "";
  private readonly known = new Map<string, SessionSettings>();
  private busy = false;
  /** The change being saved, shown while the API has not confirmed it. */
  private saving: Partial<SessionSettings> | undefined;

  constructor() {
    this.toggle.addEventListener("click", () => (this.isOpen ? this.close(false) : this.open()));
    this.root.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && this.isOpen) {
        e.stopPropagation();
        this.close(true);
      }
    });
    document.addEventListener("pointerdown", (e) => {
      if (this.isOpen && !this.root.contains(e.target as Node)) this.close(false);
    });
    for (const input of this.durability) {
      input.addEventListener("change", () => void this.save({ durability: input.value as Durability }));
    }
    this.approvals.addEventListener("change", () => void this.save({ approvals: this.approvals.checked }));
    // While a change is saved the controls refuse the next one but keep the focus (a disabled control would drop it).
    for (const input of [...this.durability, this.approvals]) {
      input.addEventListener("click", (e) => {
        if (this.busy) e.preventDefault();
      });
    }
  }

  /** Shows the settings of another session (read from the API unless known). */
  show(sessionId: string): void {
    if (sessionId === this.sessionId) return;
    this.sessionId = sessionId;
    this.showError(null);
    this.setStatus("Changes apply from the session's next turn.");
    this.render();
    if (!this.known.has(sessionId)) void this.load(sessionId);
  }

  private get isOpen(): boolean {
    return !this.panel.hidden;
  }

  private open(): void {
    this.panel.hidden = false;
    this.toggle.setAttribute("aria-expanded", "true");
    if (!this.known.has(this.sessionId) && !this.busy) void this.load(this.sessionId);
    (this.durability.find((i) => i.checked) ?? this.durability[0])?.focus();
  }

  private close(returnFocus: boolean): void {
    this.panel.hidden = true;
    this.toggle.setAttribute("aria-expanded", "false");
    if (returnFocus) this.toggle.focus();
  }

  private async load(sessionId: string): Promise<void> {
    this.busy = true;
    this.render();
    try {
      this.known.set(sessionId, await api.getSettings(sessionId));
      if (sessionId === this.sessionId) this.showError(null);
    } catch (error) {
      if (sessionId === this.sessionId) this.showError(`Could not read this session's settings: ${describeError(error)}`);
    } finally {
      this.busy = false;
    }
    if (sessionId === this.sessionId) this.render();
  }

  private async save(change: Partial<SessionSettings>): Promise<void> {
    const sessionId = this.sessionId;
    this.busy = true;
    this.saving = change;
    this.showError(null);
    this.setStatus("Saving…");
    this.render();
    try {
      this.known.set(sessionId, await api.putSettings(sessionId, change));
      if (sessionId === this.sessionId) this.setStatus("Saved. Applies from the session's next turn.");
    } catch (error) {
      if (sessionId === this.sessionId) {
        this.setStatus("");
        this.showError(`Could not save the settings: ${describeError(error)}`);
      }
    } finally {
      this.busy = false;
      this.saving = undefined;
    }
    if (sessionId === this.sessionId) this.render();
  }

  /** The controls show the settings the API confirmed for the open session (and a change on its way). */
  private render(): void {
    const known = this.known.get(this.sessionId);
    const settings = known && { ...known, ...this.saving };
    for (const input of this.durability) input.checked = settings?.durability === input.value;
    this.approvals.checked = settings?.approvals ?? false;
    for (const input of [...this.durability, this.approvals]) {
      input.disabled = !settings;
      input.setAttribute("aria-disabled", String(this.busy));
    }
    this.root.dataset.durability = settings?.durability ?? "";
    this.root.dataset.approvals = settings ? String(settings.approvals) : "";
    const summary = settings ? `${settings.durability === "step" ? "Step per call" : "Step per turn"} · ${settings.approvals ? "Ask first" : "No approvals"}` : "Settings";
    this.summary.textContent = summary;
    // The name starts with what the button shows, and says it in full words.
    this.toggle.setAttribute(
      "aria-label",
      settings
        ? `${summary}: session settings (${durabilityLabels[settings.durability].toLowerCase()}, approvals ${settings.approvals ? "on" : "off"})`
        : "Session settings",
    );
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  private showError(text: string | null): void {
    this.error.hidden = text === null;
    this.error.textContent = text ?? "";
  }
}

import { byTestId } from "../dom";

const maxHeightPx = 200;
const coarsePointer = () => window.matchMedia("(pointer: coarse)").matches;

/**
 * The message box: Enter sends, Shift+Enter makes a new line; disabled while a turn runs, when a
 * Stop button takes the send button's place (Escape anywhere in the page stops too).
 */
export class Composer {
  private readonly form = byTestId<HTMLFormElement>(document, "composer");
  private readonly input = byTestId<HTMLTextAreaElement>(document, "message-input");
  private readonly button = byTestId<HTMLButtonElement>(document, "send-button");
  private readonly stopButton = byTestId<HTMLButtonElement>(document, "stop-button");
  private readonly idlePlaceholder = this.input.placeholder;

  constructor(
    private readonly onSend: (text: string) => boolean,
    private readonly onStop: () => void,
  ) {
    this.stopButton.addEventListener("click", () => this.onStop());
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !this.stopButton.hidden && !this.stopButton.disabled && !document.body.classList.contains("sidebar-open")) this.onStop();
    });
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.submit();
    });
    this.input.addEventListener("keydown", (e) => {
      // isComposing: Enter that confirms an IME candidate must not send.
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener("input", () => {
      this.autosize();
      this.updateButton();
    });
    this.updateButton();
  }

  /** `stop`: the turn can be stopped ("ready") or is being stopped ("stopping"). */
  setBusy(busy: boolean, busyText?: string, stop?: "ready" | "stopping"): void {
    const wasBusy = this.input.disabled;
    const stopHadFocus = document.activeElement === this.stopButton;
    const inputHadFocus = document.activeElement === this.input;
    this.stopButton.hidden = stop === undefined;
    this.stopButton.disabled = stop === "stopping";
    this.stopButton.querySelector(".stop-label")!.textContent = stop === "stopping" ? "Stopping…" : "Stop";
    this.button.hidden = stop !== undefined;
    this.input.disabled = busy;
    this.input.placeholder = busy && busyText ? busyText : this.idlePlaceholder;
    this.form.setAttribute("aria-busy", busy ? "true" : "false");
    this.updateButton();
    // Keyboard users keep their place: from the input to Stop while the turn runs, and back.
    if (busy && stop === "ready" && inputHadFocus) this.stopButton.focus();
    if (!busy && stopHadFocus) this.input.focus({ preventScroll: true });
    // On touch screens focusing would pop up the keyboard unasked.
    else if (wasBusy && !busy && document.activeElement === document.body && !coarsePointer()) this.focus();
  }

  setText(text: string): void {
    this.input.value = text;
    this.autosize();
    this.updateButton();
  }

  focus(): void {
    if (!this.input.disabled) this.input.focus({ preventScroll: true });
  }

  private submit(): void {
    if (this.input.disabled) return;
    const text = this.input.value;
    if (!text.trim()) return;
    if (this.onSend(text)) this.setText("");
  }

  private updateButton(): void {
    this.button.disabled = this.input.disabled || this.input.value.trim().length === 0;
  }

  private autosize(): void {
    this.input.style.height = "auto";
    this.input.style.height = `${Math.min(this.input.scrollHeight, maxHeightPx)}px`;
  }
}

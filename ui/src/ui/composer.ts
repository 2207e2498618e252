import { byTestId } from "../dom";

const maxHeightPx = 200;
const coarsePointer = () => window.matchMedia("(pointer: coarse)").matches;

/** The message box: Enter sends, Shift+Enter makes a new line; disabled while a turn runs. */
export class Composer {
  private readonly form = byTestId<HTMLFormElement>(document, "composer");
  private readonly input = byTestId<HTMLTextAreaElement>(document, "message-input");
  private readonly button = byTestId<HTMLButtonElement>(document, "send-button");
  private readonly idlePlaceholder = this.input.placeholder;

  constructor(private readonly onSend: (text: string) => boolean) {
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

  setBusy(busy: boolean, busyText?: string): void {
    const wasBusy = this.input.disabled;
    this.input.disabled = busy;
    this.input.placeholder = busy && busyText ? busyText : this.idlePlaceholder;
    this.form.setAttribute("aria-busy", busy ? "true" : "false");
    this.updateButton();
    // On touch screens focusing would pop up the keyboard unasked.
    if (wasBusy && !busy && document.activeElement === document.body && !coarsePointer()) this.focus();
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

import { withAccessToken } from "../api/apiKey";
import { eventsUrl } from "../api/client";
import { parseTurnEvent, turnEventTypes, type TurnEvent } from "../api/events";

/** "live": events flow; "reconnecting": the connection broke and is being made again. */
export type StreamStatus = "connecting" | "live" | "reconnecting";

export interface EventStreamHandlers {
  onEvent(event: TurnEvent): void;
  onStatus(status: StreamStatus): void;
}

const maxReopenDelayMs = 30_000;

/**
 * Follows one session's event stream. EventSource reconnects by itself after a broken connection
 * (sending Last-Event-ID, so nothing is missed); when the browser gives up (an HTTP error), the
 * stream is opened again with a growing delay. Events already seen (id not above the last one) are
 * dropped, so a fresh connection that replays the latest turn adds nothing twice.
 */
export class SessionEventStream {
  private source: EventSource | undefined;
  private reopenTimer: number | undefined;
  private reopenDelayMs = 1_000;
  private lastId = 0;
  private status: StreamStatus = "connecting";
  private closed = false;

  constructor(
    readonly sessionId: string,
    private readonly handlers: EventStreamHandlers,
  ) {
    this.open();
  }

  close(): void {
    this.closed = true;
    if (this.reopenTimer !== undefined) window.clearTimeout(this.reopenTimer);
    this.source?.close();
    this.source = undefined;
  }

  private open(): void {
    if (this.closed) return;
    const source = new EventSource(withAccessToken(eventsUrl(this.sessionId)));
    this.source = source;
    source.addEventListener("open", () => {
      this.reopenDelayMs = 1_000;
      this.setStatus("live");
    });
    source.addEventListener("error", () => {
      if (this.closed || source !== this.source) return;
      this.setStatus("reconnecting");
      if (source.readyState === EventSource.CLOSED) this.scheduleReopen();
    });
    const onMessage = (message: MessageEvent<string>) => this.receive(message);
    for (const type of turnEventTypes) source.addEventListener(type, onMessage);
    source.addEventListener("message", onMessage);
  }

  private scheduleReopen(): void {
    this.source?.close();
    this.source = undefined;
    const delay = this.reopenDelayMs;
    this.reopenDelayMs = Math.min(this.reopenDelayMs * 2, maxReopenDelayMs);
    this.reopenTimer = window.setTimeout(() => {
      this.reopenTimer = undefined;
      this.open();
    }, delay);
  }

  private receive(message: MessageEvent<string>): void {
    if (this.closed) return;
    this.setStatus("live");
    const event = parseTurnEvent(message.type, message.data, message.lastEventId);
    if (!event || event.id <= this.lastId) return;
    this.lastId = event.id;
    this.handlers.onEvent(event);
  }

  private setStatus(status: StreamStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.handlers.onStatus(status);
  }
}

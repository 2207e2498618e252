import { api } from "./api/client";
import { ApiError, describeError } from "./api/errors";
import { terminalEventTypes, type TurnEvent } from "./api/events";
import { sendWithRetry } from "./api/sendWithRetry";
import { isTurnWaiting, type AppInfo, type ApprovalStatus, type SessionSummary, type TurnResult, type TurnWaiting } from "./api/types";
import { byTestId, h } from "./dom";
import { isValidSessionId, newIdempotencyKey, newSessionId } from "./ids";
import { SessionEventStream, type StreamStatus } from "./live/eventStream";
import { applyTurnEvent, withWaitingApprovals } from "./live/liveTurn";
import { agentBadge, agentTone } from "./render/agents";
import { readLatest, readOlder } from "./history/historyReads";
import { mergedItems, prependOlder, showWindow } from "./history/historyWindow";
import { renderConversation } from "./render/conversation";
import { loadEarlierTestId } from "./render/olderHistory";
import { databaseIcon, renderSessionList } from "./render/sessionList";
import { sessionIdFromUrl, showSessionInUrl } from "./route";
import { emptyView, type PendingTurn, type SessionView } from "./state";
import { sendApprovalDecision } from "./turns/approvalDecision";
import { turnInProgress, waitsForApproval } from "./turns/runningTurn";
import { Composer } from "./ui/composer";
import { EarlierSentinel } from "./ui/earlierSentinel";
import { captureAnchor, restoreAnchor, type ScrollAnchor } from "./ui/scrollAnchor";
import { SessionSettingsControl } from "./ui/sessionSettings";
import { Sidebar } from "./ui/sidebar";

/** How long to keep checking for the reply of a turn that was already running when the page loaded. */
const awaitWindowMs = 30_000;
const awaitPollMs = 2_000;
/** While a turn waits for an approval and the event stream is down, how often to look at the history. */
const waitingPollMs = 3_000;

export class App {
  private info: AppInfo | null = null;
  private sessions: SessionSummary[] = [];
  private readonly views = new Map<string, SessionView>();
  private currentId = "";
  private awaitTimer: number | undefined;
  private readonly banners = new Map<string, string>();
  private stream: SessionEventStream | undefined;
  private streamStatus: StreamStatus = "connecting";
  private renderFrame: number | undefined;

  private readonly el = {
    sessionList: byTestId(document, "session-list"),
    timeline: byTestId(document, "message-list"),
    conversation: byTestId(document, "conversation"),
    sessionId: byTestId(document, "current-session-id"),
    stateLink: byTestId<HTMLAnchorElement>(document, "restate-state-link"),
    agentBadge: byTestId(document, "agent-badge"),
    notice: byTestId(document, "demo-model-notice"),
    infoError: byTestId(document, "info-error"),
    modelInfo: byTestId(document, "model-info"),
    announcer: byTestId(document, "announcer"),
    newSession: byTestId<HTMLButtonElement>(document, "new-session-button"),
    streamStatus: byTestId(document, "stream-status"),
  };
  private readonly composer = new Composer(
    (text) => this.send(text),
    () => void this.stop(),
  );
  private readonly sidebar = new Sidebar();
  private readonly settings = new SessionSettingsControl();
  private readonly earlierSentinel = new EarlierSentinel(this.el.conversation, () => {
    const view = this.views.get(this.currentId);
    if (view?.older === "idle") void this.loadEarlier(view.id);
  });

  start(): void {
    this.el.newSession.addEventListener("click", () => this.newSession());
    window.addEventListener("popstate", () => this.openFromUrl("replace"));
    this.openFromUrl("replace");
    void this.loadInfo();
    void this.refreshSessions();
  }

  // ----- navigation -----

  private openFromUrl(mode: "push" | "replace"): void {
    const fromUrl = sessionIdFromUrl();
    if (fromUrl !== null && !isValidSessionId(fromUrl)) {
      this.announce("The link's session id is not valid; started a new session.");
      this.openSession(newSessionId(), "replace");
      this.setBanner("url", `“${fromUrl.slice(0, 140)}” is not a valid session id (letters, digits, “_”, “.”, “-”, at most 128). A new session was started.`);
      return;
    }
    this.openSession(fromUrl ?? newSessionId(), mode);
  }

  private newSession(): void {
    this.openSession(newSessionId(), "push");
    this.sidebar.close();
    this.composer.focus();
  }

  private openSession(id: string, urlMode: "push" | "replace"): void {
    showSessionInUrl(id, urlMode);
    this.currentId = id;
    this.stopAwaiting();
    let view = this.views.get(id);
    if (!view) {
      view = emptyView(id);
      this.views.set(id, view);
    }
    this.followEvents(id);
    this.settings.show(id);
    this.render({ scroll: "bottom" });
    // A session with a turn in flight keeps its local view; fresh history comes with the reply.
    if (!view.pending) void this.loadHistory(id);
  }

  // ----- the live turn (event stream) -----

  private followEvents(id: string): void {
    if (this.stream?.sessionId === id) return;
    this.stream?.close();
    // A new stream replays the latest turn from its start: the running turn is rebuilt from it, not added to.
    const view = this.views.get(id);
    if (view?.live && !view.live.ended) view.live = undefined;
    this.streamStatus = "connecting";
    this.stream = new SessionEventStream(id, {
      onEvent: (event) => this.onTurnEvent(id, event),
      onStatus: (status) => {
        if (this.stream?.sessionId !== id) return;
        this.streamStatus = status;
        this.renderStreamStatus();
      },
    });
    this.renderStreamStatus();
  }

  private onTurnEvent(id: string, event: TurnEvent): void {
    const view = this.views.get(id);
    if (!view) return;
    if (view.endedTurns.has(event.turnId)) return; // after its terminal event, or already shown as stored
    view.live = applyTurnEvent(view.live, event, view.endedTurns);
    const shown = (view.pending !== undefined && view.pending.status !== "failed") || view.awaitingReply;

    if (event.type === "turn.started" && !shown && view.load === "ready") {
      // A turn started in another tab (or before this page's history was read): check the history.
      void this.checkForRunningTurn(id);
    }
    if (event.type === "approval.requested") {
      this.announce(`${event.agent || view.agent} asks for your approval to run ${event.name ?? "a tool"}.`, id);
    }
    if (event.type === "approval.resolved" && event.callId) {
      const local = view.approvals.get(event.callId) ?? {};
      local.decided = { status: (event.status ?? "rejected") as ApprovalStatus, comment: event.comment };
      view.approvals.set(event.callId, local);
    }
    if (terminalEventTypes.has(event.type)) {
      view.stopping = false;
      if (view.pending?.status === "waiting") {
        void this.finishWaitingTurn(id, view.pending);
      } else if (view.pending && view.pending.status !== "failed") {
        // The turn's own POST answers right after; its answer (or the history) replaces the live view.
      } else if (shown) {
        void this.loadHistory(id);
      } else {
        view.live = undefined;
      }
    }
    if (event.type === "text.delta") this.scheduleRender(id);
    else this.renderIfCurrent(id, { scroll: event.type === "turn.started" ? "bottom" : undefined });
  }

  /** Renders at most once a frame: text deltas come every few milliseconds. */
  private scheduleRender(id: string): void {
    if (id !== this.currentId || this.renderFrame !== undefined) return;
    this.renderFrame = window.requestAnimationFrame(() => {
      this.renderFrame = undefined;
      this.render();
    });
  }

  private async checkForRunningTurn(id: string): Promise<void> {
    const view = this.views.get(id);
    if (!view) return;
    try {
      const history = await readLatest(view);
      if (view.pending || view.awaitingReply || !view.live || view.live.ended) return;
      if (turnInProgress(history.items)) {
        showWindow(view, history);
        view.awaitingReply = true;
        this.renderIfCurrent(id, { scroll: "bottom" });
        if (id === this.currentId) this.awaitReply(id);
      }
    } catch {
      // The stream's terminal event or the next look at the history settles it.
    }
  }

  private renderStreamStatus(): void {
    const el = this.el.streamStatus;
    const reconnecting = this.streamStatus === "reconnecting";
    el.hidden = !reconnecting;
    el.dataset.state = this.streamStatus;
    el.textContent = reconnecting ? "Reconnecting to the live updates…" : "";
  }

  private async loadHistory(id: string): Promise<void> {
    const view = this.views.get(id)!;
    view.load = "loading";
    view.loadError = undefined;
    this.renderIfCurrent(id);
    try {
      const history = await readLatest(view);
      if (view.pending) return; // a send started meanwhile; its reply is the newer truth
      showWindow(view, history);
      view.load = "ready";
      view.awaitingReply = turnInProgress(view.items);
      if (!view.awaitingReply && view.live && !view.live.ended) {
        // The stream reports a turn the history does not show yet: look again shortly.
        window.setTimeout(() => void this.checkForRunningTurn(id), 500);
      } else if (!view.awaitingReply) this.settleLiveTurn(view);
    } catch (error) {
      view.load = "error";
      view.loadError = describeError(error);
    }
    this.renderIfCurrent(id, { scroll: "bottom" });
    if (id === this.currentId && view.awaitingReply) this.awaitReply(id);
  }

  /** Reads the page before the items shown and puts it in front of them, keeping the view where it was. */
  private async loadEarlier(id: string): Promise<void> {
    const view = this.views.get(id);
    if (!view || view.olderBefore === null || view.older === "loading") return;
    view.older = "loading";
    view.olderError = undefined;
    this.renderKeepingPlace(id);
    try {
      const page = await readOlder(id, view.olderBefore);
      prependOlder(view, page.items, page.start, page.nextBefore);
      view.older = "idle";
      this.announce(view.olderBefore === null ? "Loaded the earliest messages." : "Loaded earlier messages.", id);
    } catch (error) {
      view.older = "error";
      view.olderError = describeError(error);
    }
    this.renderKeepingPlace(id);
  }

  /** Draws the view again with the entry at the top of the screen left where it is. */
  private renderKeepingPlace(id: string): void {
    if (id !== this.currentId) {
      this.renderSessions();
      return;
    }
    this.render({ anchor: captureAnchor(this.el.conversation, this.el.timeline) });
  }

  /** Polls briefly for a reply to a turn that was running before this page loaded. */
  private awaitReply(id: string): void {
    const deadline = Date.now() + awaitWindowMs;
    const tick = async () => {
      const view = this.views.get(id);
      if (!view || id !== this.currentId || view.pending || !view.awaitingReply) return;
      const streaming = this.streamStatus === "live" && view.live !== undefined && !view.live.ended;
      if (Date.now() > deadline && !streaming && !waitsForApproval(view)) {
        view.awaitingReply = false;
        this.renderIfCurrent(id);
        return;
      }
      try {
        const history = await readLatest(view);
        if (view.pending || id !== this.currentId) return;
        if (turnInProgress(history.items) && JSON.stringify(mergedItems(view, history)) !== JSON.stringify(view.items)) {
          // The waiting turn moved on (an approval decided elsewhere): show what is stored now.
          showWindow(view, history);
          this.renderIfCurrent(id);
        }
        if (!turnInProgress(history.items)) {
          showWindow(view, history);
          view.awaitingReply = false;
          view.stopping = false;
          this.settleLiveTurn(view);
          this.renderIfCurrent(id, { scroll: "bottom" });
          void this.refreshSessions();
          return;
        }
      } catch {
        // Keep waiting; the next tick tries again.
      }
      this.awaitTimer = window.setTimeout(tick, awaitPollMs);
    };
    this.awaitTimer = window.setTimeout(tick, awaitPollMs);
  }

  private stopAwaiting(): void {
    if (this.awaitTimer !== undefined) window.clearTimeout(this.awaitTimer);
    this.awaitTimer = undefined;
  }

  // ----- sending -----

  private send(text: string): boolean {
    const view = this.views.get(this.currentId);
    const message = text.trim();
    if (!view || !message || view.pending || (view.load === "loading" && view.items.length === 0)) return false;
    this.stopAwaiting();
    view.awaitingReply = false;
    view.pending = {
      message,
      idempotencyKey: newIdempotencyKey(),
      sentAt: new Date().toISOString(),
      itemsBefore: view.items,
      status: "sending",
    };
    this.render({ scroll: "bottom" });
    void this.runTurn(view.id);
    return true;
  }

  private async runTurn(id: string): Promise<void> {
    const view = this.views.get(id)!;
    const pending = view.pending!;
    pending.status = "sending";
    pending.error = undefined;
    pending.retry = undefined;
    this.renderIfCurrent(id, { scroll: "bottom" });
    try {
      const result = await sendWithRetry(id, pending.message, pending.idempotencyKey, {
        onRetry: (progress) => {
          pending.status = "retrying";
          pending.retry = progress;
          this.renderIfCurrent(id, { scroll: "bottom" });
        },
      });
      if (isTurnWaiting(result)) {
        this.followWaitingTurn(view, pending, result);
        return;
      }
      await this.letLiveTurnFinish(view);
      this.applyReply(view, pending, result);
    } catch (error) {
      if (await this.settleEndedTurn(view, pending, error)) return;
      pending.status = "failed";
      pending.error = describeError(error);
      this.announce(`Your message was not processed: ${pending.error}`, id);
      this.renderIfCurrent(id, { scroll: "bottom" });
      void this.refreshSessions(); // the server may have kept the user item
    }
  }

  /**
   * The POST answered 202: the turn waits for an approval and goes on afterwards. Its end comes as
   * the stream's terminal event (or, with the stream down, shows in the history); then the stored
   * items replace the live view.
   */
  private followWaitingTurn(view: SessionView, pending: PendingTurn, waiting: TurnWaiting): void {
    pending.status = "waiting";
    pending.retry = undefined;
    if (view.endedTurns.has(waiting.turnId)) {
      void this.finishWaitingTurn(view.id, pending);
      return;
    }
    view.live = withWaitingApprovals(view.live, waiting, view.agent);
    this.renderIfCurrent(view.id, { scroll: "bottom" });
    const poll = async () => {
      if (view.pending !== pending) return;
      if (this.stream?.sessionId !== view.id || this.streamStatus !== "live") {
        try {
          if (!turnInProgress((await readLatest(view)).items)) {
            void this.finishWaitingTurn(view.id, pending);
            return;
          }
        } catch {
          // Look again at the next tick.
        }
      }
      window.setTimeout(poll, waitingPollMs);
    };
    window.setTimeout(poll, waitingPollMs);
  }

  private async finishWaitingTurn(id: string, pending: PendingTurn): Promise<void> {
    const view = this.views.get(id)!;
    for (let attempt = 1; view.pending === pending; attempt++) {
      try {
        const history = await readLatest(view);
        if (view.pending !== pending) return;
        if (turnInProgress(history.items) && attempt < 5) {
          await new Promise((resolve) => window.setTimeout(resolve, 400));
          continue;
        }
        showWindow(view, history);
        view.load = "ready";
        break;
      } catch (error) {
        if (attempt >= 5) {
          view.items = [...pending.itemsBefore];
          view.load = "error";
          view.loadError = describeError(error);
          break;
        }
        await new Promise((resolve) => window.setTimeout(resolve, 1_000));
      }
    }
    if (view.pending !== pending) return;
    view.pending = undefined;
    view.stopping = false;
    this.settleLiveTurn(view);
    this.announce(`${view.agent} finished the turn.`, id);
    this.renderIfCurrent(id, { scroll: "bottom", focusInput: true });
    void this.refreshSessions();
  }

  private applyReply(view: SessionView, pending: PendingTurn, result: TurnResult): void {
    const items = result.items ?? [];
    const first = items[0];
    const userFirst = first?.type === "message" && first.role === "user";
    view.pending = undefined;
    view.stopping = false;
    this.settleLiveTurn(view);
    view.agent = result.agent || view.agent;
    if (userFirst) {
      // The reply's user item replaces the optimistic one: no duplicate, nothing lost.
      view.items = [...pending.itemsBefore, ...items];
      view.load = "ready";
    } else {
      view.items = [...pending.itemsBefore];
      void this.loadHistory(view.id);
    }
    this.announce(`${view.agent} replied.`, view.id);
    this.renderIfCurrent(view.id, { scroll: "bottom", focusInput: true });
    void this.refreshSessions();
  }

  /**
   * A turn that was stopped (409 "stopped") or failed (the app's 502 problem) is recorded in the
   * history with a turn_status item: show that instead of a send error. False when it is not so.
   */
  private async settleEndedTurn(view: SessionView, pending: PendingTurn, error: unknown): Promise<boolean> {
    const stopped = error instanceof ApiError && error.status === 409 && /stopp/i.test(error.message);
    const failed = error instanceof ApiError && error.status === 502 && error.problem !== undefined;
    if (!stopped && !failed) return false;
    try {
      const history = await readLatest(view);
      if (history.items.at(-1)?.type !== "turn_status") return false;
      showWindow(view, history);
    } catch {
      return false;
    }
    if (view.pending !== pending) return true;
    view.pending = undefined;
    view.stopping = false;
    view.load = "ready";
    this.settleLiveTurn(view);
    this.announce(stopped ? "The turn was stopped." : `${view.agent} could not finish the turn.`, view.id);
    this.renderIfCurrent(view.id, { scroll: "bottom", focusInput: true });
    void this.refreshSessions();
    return true;
  }

  /**
   * The answer can overtake the stream's last events: give the live view a moment to show the end
   * of the streamed text before the stored items replace it (so what streamed is what stays).
   */
  private async letLiveTurnFinish(view: SessionView): Promise<void> {
    const deadline = Date.now() + 1_000;
    while (view.live && !view.live.ended && this.stream?.sessionId === view.id && this.streamStatus === "live" && Date.now() < deadline) {
      await new Promise((resolve) => window.setTimeout(resolve, 25));
    }
  }

  /** The stored items now show the live turn: drop the live view, ignore the turn's late events. */
  private settleLiveTurn(view: SessionView): void {
    if (view.live) view.endedTurns.add(view.live.turnId);
    view.live = undefined;
  }

  private async stop(): Promise<void> {
    const view = this.views.get(this.currentId);
    if (!view || view.stopping || !this.turnRunning(view)) return;
    view.stopping = true;
    this.announce("Stopping the turn…");
    this.render();
    try {
      await api.cancelTurn(view.id);
      this.setBanner("cancel", null);
    } catch (error) {
      view.stopping = false;
      if (error instanceof ApiError && error.status === 409) {
        // No turn runs any more: it ended meanwhile; its answer or the history shows how.
        if (!view.pending) void this.loadHistory(view.id);
      } else {
        this.setBanner("cancel", `Could not stop the turn: ${describeError(error)}`);
      }
      this.renderIfCurrent(view.id);
    }
  }

  private turnRunning(view: SessionView): boolean {
    return (view.pending !== undefined && view.pending.status !== "failed") || view.awaitingReply;
  }

  private decideApproval(callId: string, approved: boolean, comment: string): void {
    const view = this.views.get(this.currentId);
    if (!view) return;
    void sendApprovalDecision(view, callId, approved, comment, {
      changed: () => this.renderIfCurrent(view.id),
      announce: (text) => this.announce(text, view.id),
    });
  }

  /** Retry of a failed turn: the same message again, as a new turn (a new idempotency key). */
  private resend(message: string): void {
    if (!this.send(message)) this.composer.setText(message);
  }

  private retry(): void {
    const view = this.views.get(this.currentId);
    if (!view?.pending || view.pending.status !== "failed") return;
    void this.runTurn(view.id); // same idempotency key: never a second turn
  }

  private discard(): void {
    const view = this.views.get(this.currentId);
    if (!view?.pending || view.pending.status !== "failed") return;
    const text = view.pending.message;
    view.pending = undefined;
    this.render();
    this.composer.setText(text);
    this.composer.focus();
  }

  // ----- data -----

  private async loadInfo(): Promise<void> {
    try {
      this.info = await api.info();
      this.setBanner("info", null);
    } catch (error) {
      this.info = null;
      this.setBanner("info", `Could not read the app's info: ${describeError(error)}`);
    }
    this.render();
  }

  private async refreshSessions(): Promise<void> {
    try {
      const list = await api.listSessions();
      this.sessions = [...(list.sessions ?? [])].sort((a, b) => (Date.parse(b.updatedAt) || 0) - (Date.parse(a.updatedAt) || 0));
      this.setBanner("sessions", null);
    } catch (error) {
      this.setBanner("sessions", `Could not load the list of sessions: ${describeError(error)}`);
    }
    this.renderSessions();
  }

  private stateLink(id: string): string | null {
    if (!this.info?.restateUiUrl) return null;
    // Restate 1.7 UI: the virtual object instance page, opened on its State tab.
    return `${this.info.restateUiUrl.replace(/\/+$/, "")}/virtual-objects/AgentSession/${encodeURIComponent(id)}?tab=state`;
  }

  // ----- rendering -----

  private renderIfCurrent(id: string, options: RenderOptions = {}): void {
    if (id === this.currentId) this.render(options);
    else this.renderSessions();
  }

  private render(options: RenderOptions = {}): void {
    const view = this.views.get(this.currentId);
    if (!view) return;
    const conv = this.el.conversation;
    const nearBottom = conv.scrollHeight - conv.scrollTop - conv.clientHeight < 120;

    // While a turn runs, the agent it handed off to is the one at work.
    const agent = this.turnRunning(view) && view.live && !view.live.ended ? view.live.agent || view.agent : view.agent;
    this.renderHeader(view, agent);
    this.renderSessions();
    const timeline = renderConversation(view, {
      retry: () => this.retry(),
      discard: () => this.discard(),
      suggest: (text) => {
        if (!this.send(text)) this.composer.setText(text);
      },
      reload: () => void this.loadHistory(view.id),
      loadEarlier: () => void this.loadEarlier(view.id),
      resend: (message) => this.resend(message),
      decideApproval: (callId, approved, comment) => this.decideApproval(callId, approved, comment),
    });
    // Entries kept across renders (an approval's comment box) keep the focus they had.
    const focused = document.activeElement;
    const loadEarlierFocused = focused instanceof HTMLElement && focused.dataset.testid === loadEarlierTestId;
    this.el.timeline.replaceChildren(...timeline);
    if (focused instanceof HTMLElement && focused !== document.activeElement && this.el.timeline.contains(focused)) focused.focus({ preventScroll: true });
    // "Load earlier messages" is drawn anew each time: a keyboard user keeps the focus on it, or,
    // once the history's start is shown and it is gone, on the conversation (to read on with the arrow keys).
    if (loadEarlierFocused) {
      const button = this.el.timeline.querySelector<HTMLElement>(`[data-testid="${loadEarlierTestId}"]`);
      (button ?? conv).focus({ preventScroll: true });
    }
    const busy = view.pending !== undefined || (view.load === "loading" && view.items.length === 0);
    const busyText =
      view.pending?.status === "failed"
        ? "Retry or edit the message above"
        : waitsForApproval(view)
          ? "Approve or reject the request above"
          : view.pending || view.awaitingReply
            ? `${agent} is working…`
            : undefined;
    const stop = this.turnRunning(view) ? (view.stopping ? "stopping" : "ready") : undefined;
    this.composer.setBusy(busy || stop !== undefined, busyText, stop);

    if (options.anchor) restoreAnchor(conv, this.el.timeline, options.anchor);
    else if (options.scroll === "bottom" || nearBottom) {
      // Far from the end (a history just opened), jump: a smooth scroll would pass the top's "Load earlier messages".
      const far = conv.scrollHeight - conv.scrollTop - conv.clientHeight > 2 * conv.clientHeight;
      conv.scrollTo({ top: conv.scrollHeight, behavior: far ? "instant" : "auto" });
    }
    if (options.focusInput && !busy) this.composer.focus();
    this.earlierSentinel.watch(this.el.timeline.querySelector('[data-testid="older-history"]'));
  }

  private renderHeader(view: SessionView, agent: string): void {
    this.el.sessionId.textContent = view.id;
    this.el.sessionId.title = `Session id: ${view.id}`;
    this.el.agentBadge.replaceWith((this.el.agentBadge = agentBadge(agent, "agent-badge")));
    this.el.agentBadge.setAttribute("aria-live", "polite");
    document.title = `${agent} · SkAgentSession`;
    document.documentElement.style.setProperty("--agent-tone", `var(--tone-${agentTone(agent)})`);

    const href = this.stateLink(view.id);
    this.el.stateLink.hidden = href === null;
    if (href) {
      this.el.stateLink.href = href;
      const text = document.createElement("span");
      text.className = "state-pill-text";
      text.textContent = "State in Restate UI";
      this.el.stateLink.replaceChildren(databaseIcon(), text);
      this.el.stateLink.setAttribute("aria-label", `Open the state of session ${view.id} in the Restate UI (new tab)`);
    }

    const model = this.info?.model;
    this.el.notice.hidden = !model?.isScripted;
    if (model?.isScripted) {
      this.el.notice.replaceChildren(
        Object.assign(document.createElement("strong"), { textContent: "Demo mode: " }),
        `${model.label || "Scripted demo model (not a real LLM)"}.`,
        Object.assign(document.createElement("span"), { className: "notice-more", textContent: " Replies are scripted; set OPENAI_API_KEY to use a real model." }),
      );
    }
    this.el.modelInfo.textContent = model ? `Model: ${model.id}${model.isScripted ? " (scripted)" : ""}` : "";
  }

  private renderSessions(): void {
    const busyIds = new Set([...this.views.values()].filter((v) => v.pending && v.pending.status !== "failed").map((v) => v.id));
    this.el.sessionList.replaceChildren(
      ...renderSessionList({
        sessions: this.sessions,
        currentId: this.currentId,
        busyIds,
        stateLink: (id) => this.stateLink(id),
        onOpen: (id) => {
          this.sidebar.close();
          if (id !== this.currentId) this.openSession(id, "push");
        },
      }),
    );
  }

  /** Problems outside the conversation, one line per source; cleared when that source works again. */
  private setBanner(source: string, text: string | null): void {
    if (text === null) this.banners.delete(source);
    else this.banners.set(source, text);
    const banner = this.el.infoError;
    banner.hidden = this.banners.size === 0;
    banner.replaceChildren(
      h("div", { className: "banner-lines" }, [...this.banners.values()].map((line) => h("p", {}, line))),
      h("button", { type: "button", className: "icon-button banner-close", "aria-label": "Dismiss", onclick: () => this.clearBanners() }, "✕"),
    );
  }

  private clearBanners(): void {
    this.banners.clear();
    this.el.infoError.hidden = true;
  }

  private announce(text: string, id = this.currentId): void {
    if (id !== this.currentId) return;
    this.el.announcer.textContent = text;
  }
}

interface RenderOptions {
  scroll?: "bottom";
  /** Keep this entry where it is on screen (older items were put in front of it). */
  anchor?: ScrollAnchor;
  focusInput?: boolean;
}


// Development-only stand-in for the SkAgentSession HTTP API (no dependencies, loopback only).
// It follows the contract in the team brief with canned agent behaviour, so the UI can be built
// and viewed before the real app runs. Not used in production or in the real browser tests.
//
//   node dev/fake-api.mjs [--port 3000] [--static dist] [--turn-delay-ms 900]
//
// Canned behaviour by message text: "bag"/"luggage" -> handoff to FAQ + faq_lookup tool call;
// "seat" -> handoff to Seat Booking; then a confirmation number + seat (e.g. "ABC123, 14C") ->
// update_seat tool call; "back"/"triage" -> hand back; "html"/"xss" -> a reply with an
// <img onerror> payload; "error" -> 500 problem; "slow" -> a 8 s turn; "fail" -> a failed turn
// (502 problem, turn_status failed item); "flaky" -> the model request is retried once mid-stream.
//
// Approvals: with the session's `approvals` setting on (the default; --approvals off changes it),
// update_seat waits for the user: the turn stores its items so far and an approval_request item,
// emits approval.requested, and the message POST answers 202 {turnId, status: "waiting_for_approval",
// approvals}. POST /api/sessions/{id}/approvals/{callId} {"approved", "comment"?} decides (202; 404
// unknown call, 409 already decided); approval.resolved follows, then the tool result and the reply
// (rejected: "Not run: ..." as the result, the seat is not changed). --approval-timeout-ms makes an
// undecided request time out.
// GET/PUT /api/sessions/{id}/settings read and change {durability: "turn"|"step", approvals}; a
// session whose id contains "broken-settings" answers 500 to a PUT, to see the error shown.
//
// Long sessions: GET /api/sessions/{id}?limit=N&before=|after= answers a page of the history like the
// app (dev/historyPages.mjs); "s-demo-long" has 40 turns to scroll, and a session whose id contains
// "flaky-pages" (seeded: "s-demo-long-flaky-pages") fails its first read of an older page with a 503.
//
// Live turns: GET /api/sessions/{id}/events streams each turn's events (turn.started,
// model.request, text.delta, tool.call, tool.result, handoff, turn.retrying, turn.completed|failed|
// cancelled) as Server-Sent Events, honouring Last-Event-ID (no header: the latest turn from its
// start). POST /api/sessions/{id}/cancel stops the running turn (202; 409 when none runs); the
// stopped turn's POST /messages answers 409 and the history gets a turn_status "cancelled" item.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { historyAnswer } from "./historyPages.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const port = Number(args.port ?? process.env.PORT ?? 3000);
const staticDir = args.static ? resolve(args.static) : null;
const turnDelayMs = Number(args["turn-delay-ms"] ?? 900);
const restateUiUrl = args["restate-ui"] ?? "http://localhost:9070/ui";
const defaultApprovals = args.approvals !== "off";
const approvalTimeoutMs = Number(args["approval-timeout-ms"] ?? 24 * 60 * 60 * 1000);
const consequentialTools = new Set(["update_seat"]);

const idPattern = /^[A-Za-z0-9_.-]{1,128}$/;
const maxMessageBytes = 32 * 1024;
const TRIAGE = "Triage Agent";
const FAQ = "FAQ Agent";
const SEAT = "Seat Booking Agent";

/**
 * @type {Map<string, {agent: string, items: object[], context: object, queue: Promise<unknown>,
 *   events: {id: number, type: string, data: object}[], listeners: Set<import("node:http").ServerResponse>,
 *   running: {turnId: string, stop: boolean} | null, settings: {durability: string, approvals: boolean},
 *   approvals: Map<string, {item: object, decision: {status: string, comment?: string} | null}>}>}
 */
const sessions = new Map();
/** @type {Map<string, Promise<{status: number, body: object}>>} */
const idempotent = new Map();
/** Sessions ("flaky-pages" in the id) whose first read of an older page has failed already. */
const failedOlderRead = new Set();
let callCounter = 0;
let turnCounter = 0;
/** Per streamed token, like the scripted model's token delay. */
const tokenDelayMs = Number(args["token-delay-ms"] ?? 30);

const now = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();
const nextCallId = () => `call_${++callCounter}`;

function session(id) {
  let s = sessions.get(id);
  if (!s) {
    s = {
      agent: TRIAGE,
      items: [],
      context: {},
      queue: Promise.resolve(),
      events: [],
      listeners: new Set(),
      running: null,
      settings: { durability: "turn", approvals: defaultApprovals },
      approvals: new Map(),
    };
    sessions.set(id, s);
  }
  return s;
}

// ----- canned agent behaviour -----

function handoff(from, to) {
  return { type: "handoff", role: "assistant", agent: from, from, to, callId: nextCallId(), timestamp: now() };
}
function say(agent, content) {
  return { type: "message", role: "assistant", agent, content, timestamp: now() };
}
function tool(agent, name, args, result) {
  const callId = nextCallId();
  return [
    { type: "tool_call", role: "assistant", agent, callId, name, arguments: args, timestamp: now() },
    { type: "tool_result", role: "tool", agent, callId, name, result, timestamp: now() },
  ];
}

const demoNote = "\n\n_(scripted demo model — not a real LLM)_";

function runAgent(s, message) {
  const text = message.toLowerCase();
  const items = [];
  let agent = s.agent;

  if (/\b(html|xss)\b/.test(text)) {
    items.push(
      say(
        agent,
        'Here is what the model said, HTML included: <img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script>.\n\n' +
          "Markdown still works: **bold**, `code`, a [link](https://example.com) and a [bad link](javascript:window.__xss=3).\n\n" +
          "<div onclick=\"window.__xss=4\">click me</div>",
      ),
    );
    return { agent, items };
  }
  if (/\b(bag|bags|baggage|luggage|wifi|wi-fi|seats? map)\b/.test(text) && !/change|switch/.test(text)) {
    if (agent !== FAQ) {
      items.push(handoff(agent, FAQ));
      agent = FAQ;
    }
    const topic = /wifi|wi-fi/.test(text) ? "wifi" : "baggage";
    const answer =
      topic === "wifi"
        ? "We have free wifi on the plane, join Airline-Wifi."
        : "You are allowed to bring one bag on the plane. It must be under 50 pounds and 22 inches x 14 inches x 9 inches.";
    items.push(...tool(agent, "faq_lookup", { question: message }, answer));
    items.push(
      say(
        agent,
        topic === "wifi"
          ? `Good news: **we have free wifi on the plane** — join the \`Airline-Wifi\` network.${demoNote}`
          : `You can bring **one bag** on the plane:\n\n- under **50 pounds**\n- at most **22 × 14 × 9 inches**\n\nAnything else I can help with?${demoNote}`,
      ),
    );
    return { agent, items };
  }
  if (/\b(back|triage|something else)\b/.test(text) && agent !== TRIAGE) {
    items.push(handoff(agent, TRIAGE));
    agent = TRIAGE;
    items.push(say(agent, `Back with triage. What else can I do for you?${demoNote}`));
    return { agent, items };
  }
  const confirmation = message.match(/\b([A-Z0-9]{6})\b/)?.[1];
  const seat = message.match(/\b(\d{1,2}[A-F])\b/i)?.[1]?.toUpperCase();
  if (agent === SEAT && confirmation && seat) {
    s.context = { ...s.context, confirmationNumber: confirmation, seatNumber: seat };
    items.push(
      ...tool(agent, "update_seat", { confirmationNumber: confirmation, newSeat: seat }, `Updated seat to ${seat} for confirmation number ${confirmation}`),
    );
    items.push(say(agent, `Done! Your seat is now **${seat}** (confirmation \`${confirmation}\`, flight ${s.context.flightNumber}).${demoNote}`));
    return { agent, items };
  }
  if (/\bseat\b/.test(text)) {
    if (agent !== SEAT) {
      items.push(handoff(agent, SEAT));
      agent = SEAT;
      s.context = { ...s.context, flightNumber: `FLT-${100 + Math.floor(Math.random() * 900)}` };
    }
    items.push(say(agent, `I can help you change your seat. What is your **confirmation number**, and which **seat** would you like?${demoNote}`));
    return { agent, items };
  }
  items.push(
    say(agent, `I'm the ${agent}. I can answer questions about baggage and wifi, or change your seat.${demoNote}`),
  );
  return { agent, items };
}

// ----- events -----

function emit(s, turnId, agent, type, fields = {}) {
  const id = (s.events.at(-1)?.id ?? 0) + 1;
  const event = { id, type, data: { id, type, turnId, agent, ...fields } };
  s.events.push(event);
  for (const res of s.listeners) writeEvent(res, event);
}

function writeEvent(res, event) {
  res.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
}

/** The events a client missed (after Last-Event-ID), or with none the latest turn from its start. */
function backlog(s, lastEventId) {
  if (lastEventId !== undefined && lastEventId !== "") return s.events.filter((e) => e.id > Number(lastEventId));
  const start = s.events.findLastIndex((e) => e.type === "turn.started");
  return start < 0 ? [] : s.events.slice(start);
}

function handleEvents(req, res, s) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
  res.write("retry: 1000\n\n");
  for (const event of backlog(s, req.headers["last-event-id"])) writeEvent(res, event);
  s.listeners.add(res);
  const keepAlive = setInterval(() => res.write(": keep-alive\n\n"), 15_000);
  req.on("close", () => {
    clearInterval(keepAlive);
    s.listeners.delete(res);
  });
}

class Stopped extends Error {}

/** Waits, unless the turn is stopped meanwhile. */
async function pause(run, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (run.stop) throw new Stopped();
    await new Promise((r) => setTimeout(r, Math.min(50, until - Date.now())));
  }
  if (run.stop) throw new Stopped();
}

/** Streams text as word tokens. */
async function streamText(s, run, agent, text, delayMs) {
  for (const token of text.match(/\S+\s*|\s+/g) ?? []) {
    await pause(run, delayMs);
    emit(s, run.turnId, agent, "text.delta", { text: token });
  }
}

/**
 * Waits for the user's decision on a consequential call: stores the turn's items so far and the
 * request, answers the turn's POST with 202, and returns the decision: approved, rejected or timed_out.
 */
async function awaitApproval(s, run, itemsSoFar, call) {
  const item = { type: "approval_request", role: "assistant", agent: call.agent, callId: call.callId, name: call.name, arguments: call.arguments, status: "pending", timestamp: now() };
  s.items.push(...itemsSoFar, item);
  run.stored = itemsSoFar.length;
  const pending = { item, decision: null };
  s.approvals.set(call.callId, pending);
  emit(s, run.turnId, call.agent, "approval.requested", { callId: call.callId, name: call.name, arguments: JSON.stringify(call.arguments) });
  run.onWaiting({
    status: 202,
    body: { turnId: run.turnId, status: "waiting_for_approval", approvals: [{ callId: call.callId, name: call.name, arguments: call.arguments }] },
  });
  const deadline = Date.now() + approvalTimeoutMs;
  while (!pending.decision) {
    if (Date.now() > deadline) pending.decision = { status: "timed_out" };
    else await pause(run, 50);
  }
  item.status = pending.decision.status;
  if (pending.decision.comment) item.comment = pending.decision.comment;
  emit(s, run.turnId, call.agent, "approval.resolved", { callId: call.callId, name: call.name, status: item.status, ...(item.comment ? { comment: item.comment } : {}) });
  return pending.decision;
}

/** A call the user did not approve: its result says so, and the agent's reply too. */
function refuse(items, from, call, decision) {
  const why = decision.status === "timed_out" ? "nobody decided in time" : `the user rejected it${decision.comment ? ` (${decision.comment})` : ""}`;
  for (const item of items.slice(from)) {
    if (item.type === "tool_result" && item.callId === call.callId) item.result = `Not run: ${why}.`;
    if (item.type === "message") item.content = `I did not change your seat: the change was not approved. Is there anything else I can help you with?${demoNote}`;
  }
}

/** Reports the canned items as they "happen": handoffs, tool calls and results, streamed text. */
async function replay(s, run, items, lower) {
  const slow = lower.includes("slow");
  const delay = slow ? Math.max(tokenDelayMs, 250) : tokenDelayMs;
  emit(s, run.turnId, s.agent, "model.request", { attempt: 1 });
  if (/\bflaky\b/.test(lower)) {
    await streamText(s, run, s.agent, "This first attempt breaks off in the middle of a", delay);
    await pause(run, 300);
    emit(s, run.turnId, s.agent, "turn.retrying", { attempt: 2 });
    emit(s, run.turnId, s.agent, "model.request", { attempt: 2 });
  }
  for (const [index, item] of items.entries()) {
    if (item.type === "handoff") emit(s, run.turnId, item.from, "handoff", { to: item.to });
    else if (item.type === "tool_call") {
      emit(s, run.turnId, item.agent, "tool.call", { callId: item.callId, name: item.name, arguments: JSON.stringify(item.arguments) });
      if (consequentialTools.has(item.name) && s.settings.approvals) {
        const outcome = await awaitApproval(s, run, items.slice(0, index + 1), item);
        if (outcome.status !== "approved") refuse(items, index + 1, item, outcome);
      }
    }
    else if (item.type === "tool_result") emit(s, run.turnId, item.agent, "tool.result", { callId: item.callId, name: item.name, result: item.result });
    else if (item.type === "message") await streamText(s, run, item.agent, item.content, delay);
    if (item.type !== "message") await pause(run, turnDelayMs / 3);
  }
}

/** The turn's first answer (the reply, or 202 when it waits for an approval) and its final one. */
function turn(id, message) {
  const s = session(id);
  let onWaiting;
  const waiting = new Promise((resolve) => (onWaiting = resolve));
  const run = s.queue.then(async () => {
    const userItem = { type: "message", role: "user", agent: s.agent, content: message, timestamp: now() };
    s.items.push(userItem); // stored before the agent runs, like the real app
    const lower = message.toLowerCase();
    const current = { turnId: `turn_${++turnCounter}`, stop: false, stored: 0, onWaiting };
    s.running = current;
    emit(s, current.turnId, s.agent, "turn.started");
    try {
      await pause(current, lower.includes("slow") ? 2000 : turnDelayMs);
      if (/\berror\b/.test(lower)) {
        emit(s, current.turnId, s.agent, "turn.failed", { error: "HTTP 503 from the model" });
        return problem(500, "Agent turn failed", "The model did not answer after 5 attempts (HTTP 503 from the model). Your message is kept; try again later.");
      }
      if (/\bfail\b/.test(lower)) {
        const error = "The model endpoint rejected the request with HTTP 401: invalid API key. Check OPENAI_API_KEY.";
        emit(s, current.turnId, s.agent, "model.request", { attempt: 1 });
        s.items.push({ type: "turn_status", role: "assistant", agent: s.agent, status: "failed", error, timestamp: now() });
        emit(s, current.turnId, s.agent, "turn.failed", { error });
        return problem(502, "Agent turn failed", error);
      }
      const { agent, items } = runAgent(s, message);
      await replay(s, current, items, lower);
      s.items.push(...items.slice(current.stored));
      s.agent = agent;
      const reply = [...items].reverse().find((i) => i.type === "message")?.content ?? "";
      emit(s, current.turnId, agent, "turn.completed", { reply });
      return { status: 200, body: { reply, agent, items: s.items.slice(s.items.indexOf(userItem)) } };
    } catch (error) {
      if (!(error instanceof Stopped)) throw error;
      // Like the app: a turn stopped while it waits drops the items it stored and its pending approval.
      for (const item of s.items.splice(s.items.indexOf(userItem) + 1)) if (item.type === "approval_request") s.approvals.delete(item.callId);
      s.items.push({ type: "turn_status", role: "assistant", agent: s.agent, status: "cancelled", timestamp: now() });
      emit(s, current.turnId, s.agent, "turn.cancelled");
      return problem(409, "Turn stopped", "The turn was stopped before it finished; nothing of it was stored. Your message is kept in the history.");
    } finally {
      s.running = null;
    }
  });
  s.queue = run.catch(() => undefined);
  const entry = { done: false, final: run, first: Promise.race([waiting, run]) };
  run.then(
    () => (entry.done = true),
    () => (entry.done = true),
  );
  return entry;
}

/** The answer for a (re-)sent message: the final one once the turn is over, else its first. */
const answerOf = (entry) => (entry.done ? entry.final : entry.first);

// ----- seed data -----

function seed() {
  const a = session("s-demo-seat");
  const t0 = -1000 * 60 * 60 * 26;
  a.items.push(
    { type: "message", role: "user", agent: TRIAGE, content: "Hi, can I change my seat?", timestamp: now(t0) },
    { type: "handoff", role: "assistant", agent: TRIAGE, from: TRIAGE, to: SEAT, callId: "call_s1", timestamp: now(t0 + 1000) },
    { type: "message", role: "assistant", agent: SEAT, content: "Sure. What is your confirmation number and the new seat?" + demoNote, timestamp: now(t0 + 2000) },
    { type: "message", role: "user", agent: SEAT, content: "XKCD42, seat 14C please", timestamp: now(t0 + 60000) },
    { type: "tool_call", role: "assistant", agent: SEAT, callId: "call_s2", name: "update_seat", arguments: { confirmationNumber: "XKCD42", newSeat: "14C" }, timestamp: now(t0 + 61000) },
    { type: "tool_result", role: "tool", agent: SEAT, callId: "call_s2", name: "update_seat", result: "Updated seat to 14C for confirmation number XKCD42", timestamp: now(t0 + 61500) },
    { type: "message", role: "assistant", agent: SEAT, content: "Done! Your seat is now **14C**." + demoNote, timestamp: now(t0 + 62000) },
  );
  a.agent = SEAT;
  const b = session("s-demo-faq");
  const t1 = -1000 * 60 * 7;
  b.items.push(
    { type: "message", role: "user", agent: TRIAGE, content: "Is there wifi?", timestamp: now(t1) },
    { type: "handoff", role: "assistant", agent: TRIAGE, from: TRIAGE, to: FAQ, callId: "call_f1", timestamp: now(t1 + 1000) },
    { type: "tool_call", role: "assistant", agent: FAQ, callId: "call_f2", name: "faq_lookup", arguments: { question: "Is there wifi?" }, timestamp: now(t1 + 1500) },
    { type: "tool_result", role: "tool", agent: FAQ, callId: "call_f2", name: "faq_lookup", result: "We have free wifi on the plane, join Airline-Wifi", timestamp: now(t1 + 1700) },
    { type: "message", role: "assistant", agent: FAQ, content: "Yes — **free wifi**, network `Airline-Wifi`." + demoNote, timestamp: now(t1 + 2000) },
  );
  b.agent = FAQ;

  seedLongSession("s-demo-long");
  seedLongSession("s-demo-long-flaky-pages");
}

/** A long session to scroll: 40 wifi questions (161 items, four pages of 50). */
function seedLongSession(id) {
  const long = session(id);
  const t2 = -1000 * 60 * 60 * 3;
  for (let n = 1; n <= 40; n++) {
    const at = (seconds) => now(t2 + n * 60_000 + seconds * 1000);
    const question = `Is there wifi? (${n})`;
    long.items.push({ type: "message", role: "user", agent: n === 1 ? TRIAGE : FAQ, content: question, timestamp: at(0) });
    if (n === 1) long.items.push({ type: "handoff", role: "assistant", agent: TRIAGE, from: TRIAGE, to: FAQ, callId: "call_l0", timestamp: at(1) });
    long.items.push(
      { type: "tool_call", role: "assistant", agent: FAQ, callId: `call_l${n}`, name: "faq_lookup", arguments: { question }, timestamp: at(2) },
      { type: "tool_result", role: "tool", agent: FAQ, callId: `call_l${n}`, name: "faq_lookup", result: "We have free wifi on the plane, join Airline-Wifi", timestamp: at(3) },
      { type: "message", role: "assistant", agent: FAQ, content: `Yes — **free wifi** (answer ${n}).`, timestamp: at(4) },
    );
  }
  long.agent = FAQ;
}

// ----- HTTP -----

function problem(status, title, detail) {
  return { status, body: { type: "about:blank", title, status, detail }, problem: true };
}

function send(res, { status, body, problem: isProblem }) {
  if (status === 204) {
    res.writeHead(204).end();
    return;
  }
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": isProblem || status >= 400 ? "application/problem+json" : "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(json);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function summaries() {
  const list = [];
  for (const [sessionId, s] of sessions) {
    if (s.items.length === 0) continue;
    const messages = s.items.filter((i) => i.type === "message");
    list.push({
      sessionId,
      agent: s.agent,
      messageCount: messages.length,
      lastMessage: messages.at(-1)?.content ?? "",
      updatedAt: s.items.at(-1).timestamp,
    });
  }
  return list.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

async function handleApi(req, res, url) {
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent); // ["api", ...]
  if (req.method === "GET" && parts.length === 2 && parts[1] === "info") {
    return send(res, {
      status: 200,
      body: {
        model: { id: "scripted-demo", isScripted: true, label: "Scripted demo model (not a real LLM)" },
        restateUiUrl,
        restateAdminUrl: "http://localhost:9070",
      },
    });
  }
  if (parts[1] !== "sessions") return send(res, problem(404, "Not Found", `No API route ${url.pathname}.`));
  if (parts.length === 2 && req.method === "GET") return send(res, { status: 200, body: { sessions: summaries() } });

  const id = parts[2];
  if (!idPattern.test(id ?? "")) {
    return send(res, problem(400, "Invalid session id", "Session ids are 1 to 128 characters from A-Z, a-z, 0-9, '_', '.', '-'."));
  }
  if (parts.length === 3 && req.method === "GET") {
    const s = sessions.get(id);
    if (id.includes("flaky-pages") && url.searchParams.has("before") && !failedOlderRead.has(id)) {
      failedOlderRead.add(id);
      return send(res, problem(503, "Service Unavailable", "The history page could not be read just now (the fake API fails the first one of this session)."));
    }
    return send(res, historyAnswer({ sessionId: id, agent: s?.agent ?? TRIAGE, items: s?.items ?? [] }, url.searchParams));
  }
  if (parts.length === 4 && parts[3] === "events" && req.method === "GET") return handleEvents(req, res, session(id));
  if (parts.length === 4 && parts[3] === "cancel" && req.method === "POST") {
    const running = sessions.get(id)?.running;
    if (!running) return send(res, problem(409, "No turn is running", `Session '${id}' has no turn in progress to stop.`));
    running.stop = true;
    return send(res, { status: 202, body: { turnId: running.turnId, status: "cancelling" } });
  }
  if (parts.length === 4 && parts[3] === "settings") return handleSettings(req, res, id);
  if (parts.length === 5 && parts[3] === "approvals" && req.method === "POST") return handleDecision(req, res, id, parts[4]);
  if (parts.length === 3 && req.method === "DELETE") {
    sessions.delete(id);
    return send(res, { status: 204 });
  }
  if (parts.length === 4 && parts[3] === "messages" && req.method === "POST") {
    const raw = await readBody(req);
    if (!(req.headers["content-type"] ?? "").toLowerCase().startsWith("application/json")) {
      return send(res, problem(400, "Wrong content type", "Send the message as application/json."));
    }
    let input;
    try {
      input = JSON.parse(raw.toString("utf8"));
    } catch {
      return send(res, problem(400, "Malformed JSON", "The request body is not valid JSON."));
    }
    const message = input?.message;
    if (typeof message !== "string" || message.trim() === "") {
      return send(res, problem(400, "Missing message", "The field 'message' is required and must not be empty."));
    }
    if (Buffer.byteLength(message, "utf8") > maxMessageBytes) {
      return send(res, problem(400, "Message too long", `The message is ${Buffer.byteLength(message)} bytes; the limit is 32 KiB.`));
    }
    const key = req.headers["idempotency-key"];
    if (typeof key === "string" && key) {
      const scoped = `${id}\n${key}`;
      if (!idempotent.has(scoped)) idempotent.set(scoped, turn(id, message));
      return send(res, await answerOf(idempotent.get(scoped)));
    }
    return send(res, await answerOf(turn(id, message)));
  }
  return send(res, problem(405, "Method Not Allowed", `${req.method} ${url.pathname} is not supported.`));
}

async function readJson(req) {
  try {
    return JSON.parse((await readBody(req)).toString("utf8"));
  } catch {
    return undefined;
  }
}

async function handleSettings(req, res, id) {
  const s = session(id);
  if (req.method === "GET") return send(res, { status: 200, body: s.settings });
  if (req.method !== "PUT") return send(res, problem(405, "Method Not Allowed", `${req.method} is not supported on settings.`));
  const change = await readJson(req);
  if (!change || typeof change !== "object" || Array.isArray(change)) return send(res, problem(400, "Bad settings", "Send a JSON object."));
  if ("durability" in change && !["turn", "step"].includes(change.durability)) {
    return send(res, problem(400, "Bad settings", "'durability' is \"turn\" or \"step\"."));
  }
  if ("approvals" in change && typeof change.approvals !== "boolean") return send(res, problem(400, "Bad settings", "'approvals' is true or false."));
  if (id.includes("broken-settings")) return send(res, problem(500, "Settings not stored", "The settings store did not answer (canned failure of the fake API)."));
  s.settings = { ...s.settings, ...change };
  return send(res, { status: 200, body: s.settings });
}

async function handleDecision(req, res, id, callId) {
  const input = await readJson(req);
  if (!input || typeof input.approved !== "boolean" || ("comment" in input && typeof input.comment !== "string")) {
    return send(res, problem(400, "Bad decision", "Send {\"approved\": true|false, \"comment\"?: \"...\"}."));
  }
  const pending = sessions.get(id)?.approvals.get(callId);
  if (!pending) return send(res, problem(404, "No such approval", `Session '${id}' has no pending approval '${callId}'.`));
  if (pending.decision || pending.item.status !== "pending") {
    return send(res, problem(409, "Already decided", `The approval '${callId}' was already ${pending.decision?.status ?? pending.item.status}.`));
  }
  const status = input.approved ? "approved" : "rejected";
  pending.decision = { status, ...(input.comment ? { comment: input.comment } : {}) };
  pending.item.status = status;
  return send(res, { status: 202, body: { callId, status } });
}

const mime = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon" };

async function handleStatic(req, res, url) {
  if (!staticDir) return send(res, problem(404, "Not Found", "Static files are not served (start with --static dist)."));
  let path = normalize(join(staticDir, decodeURIComponent(url.pathname)));
  if (!path.startsWith(staticDir)) return send(res, problem(403, "Forbidden", "Outside the static root."));
  try {
    if ((await stat(path)).isDirectory()) path = join(path, "index.html");
  } catch {
    path = join(staticDir, "index.html");
  }
  try {
    const data = await readFile(path);
    res.writeHead(200, { "content-type": mime[extname(path)] ?? "application/octet-stream" });
    res.end(data);
  } catch {
    send(res, problem(404, "Not Found", url.pathname));
  }
}

seed();
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const handler = url.pathname.startsWith("/api/") || url.pathname === "/api" ? handleApi : handleStatic;
  handler(req, res, url).catch((error) => {
    console.error(error);
    if (!res.headersSent) send(res, problem(500, "Internal Server Error", String(error)));
  });
});
server.listen(port, "127.0.0.1", () => {
  console.log(`fake API on http://127.0.0.1:${port}/api${staticDir ? ` (serving ${staticDir})` : ""}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));

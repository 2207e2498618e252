// Development check: builds nothing, expects `npm run build` done. Starts the fake API serving
// dist/, drives Debian's Chromium with playwright-core through the main flows at desktop and
// phone sizes, saves screenshots, and fails on console errors or broken expectations.
//
//   node dev/screenshots.mjs [--out /tmp/ui-shots] [--port 3917]
import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";
import { approvalFlows } from "./approvalFlows.mjs";
import { pagingFlows } from "./pagingFlows.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const out = args.out ?? "/tmp/ui-shots";
const port = Number(args.port ?? 3917);
const base = `http://127.0.0.1:${port}`;
const uiDir = join(dirname(fileURLToPath(import.meta.url)), "..");
await mkdir(out, { recursive: true });

const server = spawn(process.execPath, ["dev/fake-api.mjs", "--port", String(port), "--static", "dist", "--turn-delay-ms", "700"], {
  cwd: uiDir,
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve, reject) => {
  server.stdout.once("data", resolve);
  server.once("exit", (code) => reject(new Error(`fake API exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};
const byId = (page, id) => page.getByTestId(id);

async function newPage(viewport, allowedConsole = []) {
  const page = await browser.newPage({ viewport });
  page.consoleErrors = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !allowedConsole.some((re) => re.test(m.text()))) page.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => page.consoleErrors.push(String(e)));
  return page;
}

async function shot(page, name) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`     screenshot ${name}.png`);
}

async function sendAndWait(page, text) {
  const before = await page.locator('[data-testid="message"][data-role="assistant"]').count();
  await byId(page, "message-input").fill(text);
  await byId(page, "message-input").press("Enter");
  await page.locator('[data-testid="message"][data-role="assistant"]').nth(before).waitFor();
  await byId(page, "working-indicator").waitFor({ state: "detached" });
}

try {
  // ----- desktop: a fresh session, FAQ, seat change, reload -----
  const desk = await newPage({ width: 1280, height: 820 });
  await desk.goto(base + "/");
  await byId(desk, "welcome").waitFor();
  const sessionId = await byId(desk, "current-session-id").textContent();
  check(new URL(desk.url()).searchParams.get("session") === sessionId, "the open session id is in the URL");
  check(await byId(desk, "demo-model-notice").isVisible(), "the demo model notice is shown");
  await byId(desk, "session-item").first().waitFor();
  await shot(desk, "desktop-1-new-session");

  await byId(desk, "message-input").fill("How much baggage can I bring?\nAnd is it free?");
  check((await byId(desk, "message-input").inputValue()).includes("\n"), "Shift+Enter-style newline kept in the input");
  await byId(desk, "message-input").press("Shift+Enter");
  check((await byId(desk, "message-input").inputValue()).endsWith("\n"), "Shift+Enter inserts a new line");
  await byId(desk, "message-input").press("Enter");
  await byId(desk, "working-indicator").waitFor();
  check(await byId(desk, "message-input").isDisabled(), "input disabled while the turn runs");
  check((await desk.locator('[data-testid="message"][data-pending="true"]').count()) === 1, "optimistic user message shown at once");
  await shot(desk, "desktop-2-working");
  await desk.locator('[data-testid="message"][data-role="assistant"]').first().waitFor();
  check((await desk.locator('[data-testid="message"][data-role="user"]').count()) === 1, "user message not duplicated after the reply");
  check((await byId(desk, "handoff").first().textContent()).includes("handed off to FAQ Agent"), "handoff line to the FAQ agent");
  check((await byId(desk, "agent-badge").textContent()).includes("FAQ Agent"), "active agent badge shows the FAQ agent");
  check(!(await byId(desk, "tool-call-result").first().isVisible()), "tool call collapsed by default");
  await byId(desk, "tool-call-summary").first().click();
  check(await byId(desk, "tool-call-result").first().isVisible(), "tool call expands to show its result");
  check(await desk.evaluate(() => document.activeElement?.getAttribute("data-testid")) !== null, "focus kept on a control");
  await shot(desk, "desktop-3-faq-answer");

  await sendAndWait(desk, "I want to change my seat");
  await byId(desk, "message-input").fill("My confirmation is ABC123, seat 14C");
  await byId(desk, "message-input").press("Enter");
  await byId(desk, "approval-approve").click();
  await desk.locator('[data-testid="message"][data-role="assistant"]').filter({ hasText: "14C" }).waitFor();
  await byId(desk, "working-indicator").waitFor({ state: "detached" });
  const toolNames = await desk.locator('[data-testid="tool-call"]').evaluateAll((els) => els.map((e) => e.dataset.toolName));
  check(toolNames.includes("update_seat"), "update_seat tool call shown");
  await desk.locator('[data-testid="tool-call"][data-tool-name="update_seat"] summary').click();
  await shot(desk, "desktop-4-seat-change");

  const countBefore = await desk.locator("[data-testid=message]").count();
  await desk.reload();
  await desk.locator('[data-testid="message"]').nth(countBefore - 1).waitFor();
  check((await desk.locator("[data-testid=message]").count()) === countBefore, "reload shows the same history");
  check((await byId(desk, "current-session-id").textContent()) === sessionId, "reload keeps the session");
  const stateHref = await byId(desk, "restate-state-link").getAttribute("href");
  check(stateHref === `http://localhost:9070/ui/virtual-objects/AgentSession/${sessionId}?tab=state`, `Restate UI link ${stateHref}`);

  // ----- XSS -----
  await sendAndWait(desk, "show me some html");
  const xss = await desk.evaluate(() => window.__xss);
  check(xss === undefined, "no script from the model ran");
  const last = desk.locator('[data-testid="message"][data-role="assistant"]').last();
  check((await last.locator("img, script, div[onclick]").count()) === 0, "no img/script/handler element in the reply");
  check((await last.textContent()).includes('<img src=x onerror="window.__xss=1">'), "the HTML is shown as text");
  check((await last.locator("a[href^=javascript]").count()) === 0, "no javascript: link");
  await shot(desk, "desktop-5-xss-as-text");

  // ----- API error with retry and edit -----
  await byId(desk, "message-input").fill("please error");
  await byId(desk, "send-button").click();
  await byId(desk, "error-box").waitFor();
  check((await byId(desk, "error-detail").textContent()).includes("did not answer after 5 attempts"), "problem detail shown in words");
  await shot(desk, "desktop-6-error");
  await byId(desk, "discard-button").click();
  check((await byId(desk, "message-input").inputValue()) === "please error", "edit puts the text back");
  check((await desk.locator('[data-testid="message"][data-pending="true"]').count()) === 0, "failed message removed after edit");
  check(desk.consoleErrors.filter((e) => !/status of 500/.test(e)).length === 0, `no console errors (desktop): ${desk.consoleErrors.join(" | ")}`);

  // ----- live turns: streaming, the retry note, Stop, a failed turn with Retry, reconnecting -----
  const live = await newPage({ width: 1280, height: 820 });
  await live.goto(base + "/?session=s-live-check");
  await byId(live, "welcome").waitFor();
  await live.evaluate(() => {
    // Remember the last text the live bubble showed, to compare with the stored reply.
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="live-message-content"]');
      if (el) window.__lastLive = el.textContent;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  let answered = false;
  live.on("requestfinished", (r) => {
    if (r.url().endsWith("/messages")) answered = true;
  });
  await byId(live, "message-input").fill("Is there wifi on the plane? flaky and slow");
  await byId(live, "message-input").press("Enter");
  await byId(live, "live-retrying").waitFor();
  check((await byId(live, "live-retrying").getAttribute("data-attempt")) === "2", "turn.retrying shows a retry note (attempt 2)");
  await live.locator('[data-testid="tool-call"][data-live="true"]').waitFor();
  await byId(live, "live-message").filter({ hasText: "free wifi" }).waitFor();
  check(!answered, "streamed text shows before the turn's POST answers");
  check(!(await byId(live, "live-message").textContent()).includes("breaks off"), "the failed attempt's text was dropped");
  await shot(live, "desktop-10-streaming");
  await live.locator('[data-testid="message"][data-role="assistant"]').first().waitFor();
  check((await byId(live, "live-message").count()) === 0, "the stored items replace the live view");
  const finalText = await live.locator('[data-testid="message"][data-role="assistant"] [data-testid="message-content"]').last().textContent();
  check((await live.evaluate(() => window.__lastLive)) === finalText, "the streamed text equals the stored reply");

  await byId(live, "message-input").fill("a slow question");
  await byId(live, "message-input").press("Enter");
  await byId(live, "stop-button").waitFor();
  check((await live.evaluate(() => document.activeElement?.getAttribute("data-testid"))) === "stop-button", "focus moves from the input to Stop");
  await byId(live, "live-message").waitFor();
  await shot(live, "desktop-11-stop-button");
  await live.keyboard.press("Enter");
  await byId(live, "turn-stopped").waitFor();
  check((await byId(live, "live-message").count()) === 0 && !(await byId(live, "message-input").isDisabled()), "a stopped turn shows Stopped and the input works again");
  await shot(live, "desktop-12-stopped");

  const keysSeen = [];
  live.on("request", (r) => {
    if (r.url().endsWith("/messages")) keysSeen.push(r.headers()["idempotency-key"]);
  });
  await byId(live, "message-input").fill("this will fail");
  await byId(live, "message-input").press("Enter");
  await byId(live, "turn-failed").waitFor();
  check((await byId(live, "turn-error").textContent()).includes("HTTP 401"), "a failed turn shows its error");
  await shot(live, "desktop-13-failed-turn");
  await byId(live, "turn-retry-button").click();
  await live.locator('[data-testid="turn-failed"]').nth(1).waitFor();
  check((await live.locator('[data-testid="message"][data-role="user"]').filter({ hasText: "this will fail" }).count()) === 2, "Retry sends the message again");
  check(keysSeen.length === 2 && keysSeen[0] !== keysSeen[1], "Retry of a failed turn uses a new idempotency key");
  check((await byId(live, "turn-retry-button").count()) === 1, "only the latest failed turn offers Retry");
  check(live.consoleErrors.filter((e) => !/status of (409|502)/.test(e)).length === 0, `no console errors (live): ${live.consoleErrors.join(" | ")}`);

  const flaky = await newPage({ width: 1280, height: 820 }, [/ERR_FAILED|ERR_CONNECTION/]);
  await flaky.route("**/api/sessions/*/events", (route) => route.abort("failed"));
  await flaky.goto(base + "/?session=s-demo-faq");
  await byId(flaky, "stream-status").waitFor();
  check((await byId(flaky, "stream-status").textContent()).includes("Reconnecting"), "a broken event stream shows Reconnecting");
  await shot(flaky, "desktop-14-reconnecting");
  await flaky.unroute("**/api/sessions/*/events");
  await byId(flaky, "stream-status").waitFor({ state: "hidden", timeout: 15000 });
  check(true, "the indicator clears once the stream works again");

  // ----- network failure on the first send: automatic retry with the same key -----
  const net = await newPage({ width: 1280, height: 820 }, [/ERR_FAILED|ERR_CONNECTION/]);
  const keys = [];
  let aborted = false;
  await net.route("**/api/sessions/*/messages", async (route) => {
    keys.push(route.request().headers()["idempotency-key"]);
    if (!aborted) {
      aborted = true;
      // The request reaches the server (a turn starts) but the answer is lost on the way back.
      await route.fetch().catch(() => undefined);
      return route.abort("connectionreset");
    }
    return route.continue();
  });
  await net.goto(base + "/?session=s-retry-check");
  await byId(net, "welcome").waitFor();
  await byId(net, "message-input").fill("How much baggage can I bring?");
  await byId(net, "message-input").press("Enter");
  await byId(net, "working-indicator").filter({ hasText: "retrying" }).waitFor();
  await shot(net, "desktop-7-retrying");
  await net.locator('[data-testid="message"][data-role="assistant"]').first().waitFor({ timeout: 15000 });
  check(keys.length === 2 && keys[0] === keys[1] && !!keys[0], `retry used the same idempotency key (${keys.join(", ")})`);
  const history = await (await fetch(`${base}/api/sessions/s-retry-check`)).json();
  const userItems = history.items.filter((i) => i.type === "message" && i.role === "user");
  check(userItems.length === 1, `exactly one turn in history after the retry (${userItems.length})`);
  check((await net.locator('[data-testid="message"][data-role="user"]').count()) === 1, "one user message on screen after the retry");
  check(net.consoleErrors.length === 0, `no console errors (retry): ${net.consoleErrors.join(" | ")}`);

  // ----- reload while a turn runs: the history shows the user item and the reply arrives -----
  const mid = await newPage({ width: 1280, height: 820 });
  await mid.goto(base + "/?session=s-reload-mid-turn");
  await byId(mid, "welcome").waitFor();
  await byId(mid, "message-input").fill("slow question about baggage");
  await byId(mid, "message-input").press("Enter");
  await mid.locator('[data-testid="live-message"]').filter({ hasText: /bag.*pounds/s }).waitFor({ timeout: 15000 });
  const before = await byId(mid, "live-message-content").textContent();
  await mid.reload();
  await mid.locator('[data-testid="working-indicator"][data-status="awaiting"]').waitFor();
  check((await mid.locator('[data-testid="message"][data-role="user"]').count()) === 1, "after a reload mid-turn the user item is shown once");
  const resumed = await mid
    .waitForFunction(
      // Partial Markdown renders differently as it grows: compare the text without white space.
      (text) => document.querySelector('[data-testid="live-message-content"]')?.textContent?.replace(/\s+/g, "").startsWith(text.replace(/\s+/g, "")),
      before,
      { timeout: 5000 },
    )
    .then(() => true, () => false);
  check(resumed, "after a reload the text streamed so far reappears");
  await shot(mid, "desktop-8-reload-mid-turn");
  await mid.locator('[data-testid="message"][data-role="assistant"]').first().waitFor({ timeout: 20000 });
  check((await mid.locator('[data-testid="working-indicator"]').count()) === 0, "the reply replaces the waiting indicator");

  // ----- keyboard only, invalid id in the link -----
  await mid.goto(base + "/?session=" + encodeURIComponent("not a valid id!"));
  await byId(mid, "info-error").waitFor();
  check((await byId(mid, "info-error").textContent()).includes("not a valid session id"), "an invalid session id in the URL is explained");
  check(/^s-[a-z0-9]+$/.test(new URL(mid.url()).searchParams.get("session") ?? ""), "and a new valid session is opened instead");
  await mid.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  // The focus starting point stays where the input was; Tab wraps to the top of the page.
  for (let i = 0; i < 3 && (await mid.evaluate(() => document.activeElement?.className)) !== "skip-link"; i++) await mid.keyboard.press("Tab");
  check((await mid.evaluate(() => document.activeElement?.className)) === "skip-link", "Tab from the top shows the skip link first");
  await mid.keyboard.press("Tab");
  check((await mid.evaluate(() => document.activeElement?.getAttribute("data-testid"))) === "new-session-button", "Tab reaches the New session button");
  await shot(mid, "desktop-9-keyboard-focus");
  check(mid.consoleErrors.length === 0, `no console errors (reload/keyboard): ${mid.consoleErrors.join(" | ")}`);

  // ----- phone -----
  const phone = await newPage({ width: 390, height: 844 });
  await phone.goto(base + "/?session=s-demo-seat");
  await byId(phone, "handoff").first().waitFor();
  await shot(phone, "phone-1-conversation");
  await byId(phone, "sessions-toggle").click();
  await byId(phone, "session-list").waitFor();
  await phone.waitForTimeout(300);
  await shot(phone, "phone-2-sessions");
  await phone.locator('[data-testid="session-item"][data-session-id="s-demo-faq"] [data-testid="session-link"]').click();
  await byId(phone, "tool-call").first().waitFor();
  check(new URL(phone.url()).searchParams.get("session") === "s-demo-faq", "switching sessions updates the URL");
  await phone.goBack();
  await phone.locator('[data-testid="tool-call"][data-tool-name="update_seat"]').waitFor();
  check((await byId(phone, "current-session-id").textContent()) === "s-demo-seat", "Back returns to the previous session");
  await byId(phone, "sessions-toggle").click();
  await byId(phone, "new-session-button").click();
  await byId(phone, "welcome").waitFor();
  await shot(phone, "phone-3-new-session");
  await sendAndWait(phone, "Is there wifi on the plane?");
  await byId(phone, "tool-call-summary").first().click();
  await shot(phone, "phone-4-faq");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `no horizontal overflow on a phone (${overflow}px)`);
  check(phone.consoleErrors.length === 0, `no console errors (phone): ${phone.consoleErrors.join(" | ")}`);

  await approvalFlows({ newPage, base, check, shot });
  await pagingFlows({ newPage, base, check, shot });
} catch (error) {
  failures.push(String(error));
  console.error(error);
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
console.log(`${failures.length === 0 ? "all checks passed" : `${failures.length} check(s) failed`}; screenshots in ${out}`);
process.exit(failures.length === 0 ? 0 : 1);

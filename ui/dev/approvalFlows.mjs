// The approval and settings flows of the development smoke run (dev/screenshots.mjs), against the fake API.

/** @param {{ newPage: Function, base: string, check: Function, shot: Function }} smoke */
export async function approvalFlows({ newPage, base, check, shot }) {
  const byId = (page, id) => page.getByTestId(id);
  const card = (page) => byId(page, "approval-request");
  const replies = (page) => page.locator('[data-testid="message"][data-role="assistant"]');

  async function startSeatChange(page, sessionId) {
    await page.goto(`${base}/?session=${sessionId}`);
    await byId(page, "welcome").waitFor();
    await byId(page, "message-input").fill("I want to change my seat");
    await byId(page, "message-input").press("Enter");
    await replies(page).first().waitFor();
    await byId(page, "working-indicator").waitFor({ state: "detached" });
  }

  async function askForSeat(page, text) {
    await byId(page, "message-input").fill(text);
    await byId(page, "message-input").press("Enter");
    await page.locator('[data-testid="approval-request"][data-status="pending"]').waitFor();
  }

  // ----- approve with a comment, in the live turn -----
  const desk = await newPage({ width: 1280, height: 820 });
  await startSeatChange(desk, "s-approve-check");
  const repliesBefore = await replies(desk).count();
  await askForSeat(desk, "ABC123, seat 12A");
  check((await byId(desk, "approval-arguments").textContent()).includes("new seat12A"), "the approval shows the arguments readably");
  check((await byId(desk, "working-indicator").getAttribute("data-status")) === "approval", "the working indicator says it waits for an approval");
  check(await byId(desk, "stop-button").isVisible(), "Stop stays available while the turn waits");
  check((await desk.locator('[data-testid="error-box"]').count()) === 0, "the 202 answer is not shown as an error");
  await shot(desk, "desktop-15-approval-pending");
  await byId(desk, "approval-comment").fill("window seat, thanks");
  await byId(desk, "approval-approve").press("Enter");
  await replies(desk).nth(repliesBefore).waitFor();
  await byId(desk, "working-indicator").waitFor({ state: "detached" });
  check((await card(desk).getAttribute("data-status")) === "approved", "the decided request shows approved");
  check((await byId(desk, "approval-decided-comment").textContent()) === "window seat, thanks", "the decided request shows the comment");
  check((await replies(desk).last().textContent()).includes("12A"), "the reply confirms the new seat");
  check((await card(desk).count()) === 1 && (await desk.locator('[data-testid="tool-call"][data-tool-name="update_seat"]').count()) === 1, "one approval and one update_seat call after the turn");
  await shot(desk, "desktop-16-approved");

  // ----- away to another session and back while the turn waits, then reject -----
  await askForSeat(desk, "ABC123, seat 15D");
  await desk.locator('[data-testid="session-item"][data-session-id="s-demo-faq"] [data-testid="session-link"]').click();
  await byId(desk, "tool-call").first().waitFor();
  await desk.goBack();
  await desk.locator('[data-testid="approval-request"][data-status="pending"]').waitFor();
  await desk.waitForTimeout(500);
  check((await desk.locator('[data-testid="approval-request"][data-status="pending"]').count()) === 1, "back on a waiting turn, its request shows once");
  check((await desk.locator('[data-testid="tool-call"][data-tool-name="update_seat"]').count()) === 2, "and its call once (besides the earlier turn's)");
  await desk.locator('[data-testid="approval-request"][data-status="pending"] [data-testid="approval-reject"]').click();
  await replies(desk).nth(repliesBefore + 1).waitFor();
  check((await card(desk).last().getAttribute("data-status")) === "rejected", "a rejected request shows rejected");
  check((await replies(desk).last().textContent()).includes("did not change your seat"), "the reply says the seat was not changed");
  check(desk.consoleErrors.length === 0, `no console errors (approvals): ${desk.consoleErrors.join(" | ")}`);

  // ----- reload while the turn waits: the stored request is decided, nothing is shown twice -----
  await askForSeat(desk, "ABC123, seat 20F");
  await desk.reload();
  await desk.locator('[data-testid="approval-request"][data-status="pending"]').waitFor();
  await byId(desk, "working-indicator").waitFor();
  check((await desk.locator('[data-testid="approval-request"][data-status="pending"]').count()) === 1, "after a reload the pending request shows once");
  await desk.locator('[data-testid="approval-request"][data-status="pending"] [data-testid="approval-approve"]').click();
  await desk.locator('[data-testid="message"][data-role="assistant"]').filter({ hasText: "20F" }).waitFor();
  await byId(desk, "working-indicator").waitFor({ state: "detached" });
  check((await card(desk).count()) === 3, `three requests after the reloaded turn (${await card(desk).count()})`);

  // ----- away and back while a reply streams: the text shows once -----
  await byId(desk, "message-input").fill("a slow question: is there wifi?");
  await byId(desk, "message-input").press("Enter");
  await byId(desk, "live-message").filter({ hasText: "Good news" }).waitFor();
  await desk.locator('[data-testid="session-item"][data-session-id="s-demo-faq"] [data-testid="session-link"]').click();
  await byId(desk, "tool-call").first().waitFor();
  await desk.goBack();
  await desk.waitForTimeout(1500);
  const streamed = (await byId(desk, "live-message-content").textContent()) ?? "";
  check(streamed.split("Good news").length === 2, `back on a streaming turn, its text shows once (${streamed.slice(0, 60)}…)`);
  await byId(desk, "working-indicator").waitFor({ state: "detached", timeout: 30000 });

  // ----- decided elsewhere just before this page's decision arrives: the 409 shows the stored outcome -----
  const other = await newPage({ width: 1280, height: 820 }, [/status of 409/]);
  await startSeatChange(other, "s-conflict-check");
  await askForSeat(other, "ABC123, seat 4B");
  let decidedElsewhere = 0;
  await other.route("**/api/sessions/*/approvals/*", async (route) => {
    const elsewhere = await fetch(route.request().url(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ approved: true, comment: "from another tab" }),
    });
    decidedElsewhere = elsewhere.status;
    await route.continue();
  });
  await byId(other, "approval-reject").click();
  await other.locator('[data-testid="approval-status"][data-status="approved"]').waitFor();
  check(decidedElsewhere === 202, "the request was decided elsewhere first");
  check((await byId(other, "approval-error").count()) === 0, "a 409 shows the stored decision, not an error");
  check(other.consoleErrors.length === 0, `no console errors (conflict): ${other.consoleErrors.join(" | ")}`);

  // ----- settings: step durability, approvals off, an error, the keyboard -----
  const set = await newPage({ width: 1280, height: 820 });
  await startSeatChange(set, "s-settings-check");
  check((await byId(set, "settings-summary").textContent()) === "Step per turn · Ask first", "the header shows the session's settings");
  await byId(set, "session-settings-toggle").click();
  await byId(set, "settings-panel").waitFor();
  await shot(set, "desktop-17-settings");
  await byId(set, "settings-durability-step").check();
  await set.getByText("Saved.").waitFor();
  await byId(set, "settings-approvals").uncheck();
  await set.getByText("Saved.").waitFor();
  const stored = await (await fetch(`${base}/api/sessions/s-settings-check/settings`)).json();
  check(stored.durability === "step" && stored.approvals === false, `the settings were stored (${JSON.stringify(stored)})`);
  await set.keyboard.press("Escape");
  check(await byId(set, "settings-panel").isHidden(), "Escape closes the settings");
  check((await set.evaluate(() => document.activeElement?.getAttribute("data-testid"))) === "session-settings-toggle", "and gives the focus back to the button");
  const before = await replies(set).count();
  await byId(set, "message-input").fill("ABC123, seat 7E");
  await byId(set, "message-input").press("Enter");
  await replies(set).nth(before).waitFor();
  check((await card(set).count()) === 0, "with approvals off the seat changes without asking");

  const broken = await newPage({ width: 1280, height: 820 }, [/status of 500/]);
  await broken.goto(`${base}/?session=s-broken-settings`);
  await byId(broken, "session-settings-toggle").click();
  await byId(broken, "settings-durability-step").click();
  await byId(broken, "settings-error").waitFor();
  check((await byId(broken, "settings-error").textContent()).includes("did not answer"), "a failed save shows the problem");
  check(await byId(broken, "settings-durability-turn").isChecked(), "and the control shows the stored value again");
  await shot(broken, "desktop-18-settings-error");

  // ----- Stop while the turn waits -----
  const stopper = await newPage({ width: 1280, height: 820 });
  await startSeatChange(stopper, "s-stop-waiting-check");
  await askForSeat(stopper, "ABC123, seat 6A");
  await byId(stopper, "stop-button").click();
  await byId(stopper, "turn-stopped").waitFor();
  check((await card(stopper).count()) === 0, "a turn stopped while it waits shows Stopped and no request");
  check(!(await byId(stopper, "message-input").isDisabled()), "and the input works again");
  check(stopper.consoleErrors.length === 0, `no console errors (stop while waiting): ${stopper.consoleErrors.join(" | ")}`);

  // ----- phone -----
  const phone = await newPage({ width: 390, height: 844 });
  await startSeatChange(phone, "s-phone-approval");
  await askForSeat(phone, "ABC123, seat 9C");
  await shot(phone, "phone-5-approval");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `no horizontal overflow with an approval on a phone (${overflow}px)`);
  await byId(phone, "approval-approve").click();
  await phone.locator('[data-testid="approval-status"][data-status="approved"]').waitFor();
  await byId(phone, "session-settings-toggle").click();
  await shot(phone, "phone-6-settings");
  check(phone.consoleErrors.length === 0, `no console errors (phone approvals): ${phone.consoleErrors.join(" | ")}`);
}

// The long-session flows of the development smoke run (dev/screenshots.mjs): the newest page first,
// older pages as the view scrolls up (and by keyboard), the view kept in place, a failed page retried.

const pageSize = 50;
const longTotal = 161; // the fake API's seeded long sessions (dev/fake-api.mjs)

/** @param {{ newPage: Function, base: string, check: Function, shot: Function }} smoke */
export async function pagingFlows({ newPage, base, check, shot }) {
  const byId = (page, id) => page.getByTestId(id);
  const positions = (page) =>
    page.$$eval('[data-testid="message-list"] > [data-position]', (entries) => entries.map((e) => Number(e.dataset.position)));
  const userTexts = (page) =>
    page.$$eval('[data-testid="message"][data-role="user"] [data-testid="message-content"]', (entries) => entries.map((e) => e.textContent.trim()));
  const expectedQuestions = Array.from({ length: 40 }, (_, i) => `Is there wifi? (${i + 1})`);
  const inOrderOnce = (list) => list.every((p, i) => i === 0 || p > list[i - 1]);

  async function scrollToTop(page) {
    await byId(page, "conversation").evaluate((c) => c.scrollTo({ top: 0, behavior: "instant" }));
  }

  const page = await newPage({ width: 1280, height: 820 });
  await page.goto(`${base}/?session=s-demo-long`);
  await byId(page, "load-earlier-button").waitFor();
  await page.waitForTimeout(400);
  const first = await positions(page);
  // Items 111..160: turns 28 (from its tool result, shown alone) to 40, a tool result shown inside its call.
  check(first[0] === longTotal - pageSize && first.at(-1) === longTotal - 1 && inOrderOnce(first), `a long session opens on its newest page only (entries of items ${first[0]} to ${first.at(-1)})`);
  check(JSON.stringify(await userTexts(page)) === JSON.stringify(expectedQuestions.slice(28)), "with the questions of its last 12 turns");
  await shot(page, "desktop-paging-1-newest-page");

  // Scrolling up reads the page before; the entry that was at the top stays where it was.
  await scrollToTop(page);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="message-list"] > [data-position]').length > n, pageSize);
  await byId(page, "load-earlier-button").and(page.locator('[data-state="idle"]')).waitFor();
  const topAfter = await page.evaluate(() => {
    const area = document.querySelector('[data-testid="conversation"]').getBoundingClientRect().top;
    return Math.round(document.querySelector('[data-position="112"]').getBoundingClientRect().top - area);
  });
  check(topAfter >= 0 && topAfter < 300, `the view stays where it was when the earlier page comes (the newest page's first reply is ${topAfter}px from the top)`);
  await shot(page, "desktop-paging-2-earlier-page");

  for (let i = 0; i < 10 && (await byId(page, "older-history").count()) > 0; i++) {
    await scrollToTop(page);
    await page.waitForTimeout(300);
  }
  const all = await positions(page);
  check(all[0] === 0 && all.at(-1) === longTotal - 1 && inOrderOnce(all), "scrolling up reaches the first message, every entry once and in order");
  check(JSON.stringify(await userTexts(page)) === JSON.stringify(expectedQuestions), "all 40 questions show once, in order");
  check(page.consoleErrors.length === 0, `no console errors (paging): ${page.consoleErrors.join(" | ")}`);

  // A failed page shows its error and "Try again" (no retry by itself), pressed by keyboard.
  const flaky = await newPage({ width: 1280, height: 820 }, [/503/]);
  await flaky.goto(`${base}/?session=s-demo-long-flaky-pages`);
  await byId(flaky, "load-earlier-button").waitFor();
  await scrollToTop(flaky);
  await byId(flaky, "older-error").waitFor();
  await byId(flaky, "load-earlier-button").focus();
  check((await byId(flaky, "load-earlier-button").textContent()) === "Try again", "a failed earlier page offers Try again");
  await shot(flaky, "desktop-paging-3-error");
  await flaky.keyboard.press("Enter");
  await byId(flaky, "older-error").waitFor({ state: "detached" });
  check((await positions(flaky)).length > pageSize, "Try again loads the earlier page");
  check((await flaky.evaluate(() => document.activeElement?.getAttribute("data-testid"))) === "load-earlier-button", "the focus stays on Load earlier messages");
}

// The paged history read of the fake API, like the app's GET /api/sessions/{id}?limit=N&before=|after=.

const maxLimit = 500;

/**
 * The answer to GET /api/sessions/{id} for these query parameters: the whole history without any,
 * else at most `limit` items (the newest, those before `before`, or those from `after` on) with
 * total, start, nextBefore and nextAfter; a 400 problem for parameters the app refuses.
 * @param {{sessionId: string, agent: string, items: object[]}} history
 * @param {URLSearchParams} query
 */
export function historyAnswer(history, query) {
  const names = [...query.keys()];
  if (names.length === 0) return { status: 200, body: history };
  const unknown = names.find((name) => !["limit", "before", "after"].includes(name));
  if (unknown) return badRequest(`Unknown query parameter '${unknown}': use limit, before or after.`);
  const limit = wholeNumber(query, "limit");
  if (limit === undefined || limit === null || limit < 1 || limit > maxLimit) return badRequest(`'limit' must be a whole number between 1 and ${maxLimit}.`);
  const before = wholeNumber(query, "before");
  const after = wholeNumber(query, "after");
  if (before === undefined || after === undefined) return badRequest("'before' and 'after' must be positions in the history (whole numbers, 0 or more), as nextBefore and nextAfter give them.");
  if (before !== null && after !== null) return badRequest("Give 'before' or 'after', not both.");

  const total = history.items.length;
  const end = Math.min(after !== null ? after + limit : (before ?? total), total);
  const start = Math.min(after ?? Math.max(0, end - limit), total);
  const items = history.items.slice(start, Math.max(start, end));
  const stop = start + items.length;
  return {
    status: 200,
    body: { ...history, items, total, start, nextBefore: start > 0 ? start : null, nextAfter: stop < total ? stop : null },
  };
}

/** The parameter as a number; null when absent, undefined when it is not a whole number of 0 or more. */
function wholeNumber(query, name) {
  const values = query.getAll(name);
  if (values.length === 0) return null;
  if (values.length > 1 || !/^\d{1,9}$/.test(values[0])) return undefined;
  return Number(values[0]);
}

function badRequest(detail) {
  return { status: 400, body: { type: "about:blank", title: "Bad history request", status: 400, detail }, problem: true };
}

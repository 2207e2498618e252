// The open session lives in the query string: `/?session=<id>`. A reload or a shared link opens it again.

const param = "session";

export function sessionIdFromUrl(): string | null {
  return new URL(window.location.href).searchParams.get(param);
}

export function sessionUrl(id: string): string {
  const url = new URL(window.location.href);
  url.search = "";
  url.hash = "";
  url.searchParams.set(param, id);
  return url.pathname + url.search;
}

/** Puts the session in the address bar; `push` adds a history entry so Back returns to the previous one. */
export function showSessionInUrl(id: string, mode: "push" | "replace"): void {
  const target = sessionUrl(id);
  if (window.location.pathname + window.location.search === target) return;
  if (mode === "push") history.pushState({ session: id }, "", target);
  else history.replaceState({ session: id }, "", target);
}

/**
 * The API key this browser session uses, when the app requires one (it answers 401 without it).
 * Kept in sessionStorage: asked once per browser session, gone when the tab's session ends.
 */
const storageKey = "skas.apiKey";

export function storedApiKey(): string | undefined {
  try {
    return sessionStorage.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Asks the person for the key (after a 401); true when one was given. */
export function askForApiKey(): boolean {
  const key = window.prompt("This app needs an API key. Enter the key you were given:")?.trim();
  try {
    if (key) sessionStorage.setItem(storageKey, key);
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Storage blocked: the key is not kept, and the next 401 asks again.
  }
  return Boolean(key);
}

export function authorizationHeaders(): Record<string, string> {
  const key = storedApiKey();
  return key ? { authorization: `Bearer ${key}` } : {};
}

/** An EventSource cannot send headers: the event stream takes the key as access_token. */
export function withAccessToken(url: string): string {
  const key = storedApiKey();
  if (!key) return url;
  return `${url}${url.includes("?") ? "&" : "?"}access_token=${encodeURIComponent(key)}`;
}

import { askForApiKey, authorizationHeaders, storedApiKey } from "./apiKey";
import { ApiError, NetworkError } from "./errors";
import type { ProblemDetails } from "./types";

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Aborts the request from outside (e.g. the page is leaving); not treated as retryable. */
  signal?: AbortSignal;
}

const defaultTimeoutMs = 15_000;

/**
 * Fetches JSON from the app's API, turning every failure into ApiError or NetworkError. When the app
 * answers 401 (it requires an API key), asks for the key once and repeats the request with it.
 */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T | undefined> {
  const keyUsed = storedApiKey();
  try {
    return await requestJsonOnce<T>(path, options);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    // Several requests may meet the 401 at once: only the first asks; the others use its answer.
    const keyChanged = storedApiKey() !== undefined && storedApiKey() !== keyUsed;
    if (keyChanged || askForApiKey()) return requestJsonOnce<T>(path, options);
    throw error;
  }
}

async function requestJsonOnce<T>(path: string, options: RequestOptions): Promise<T | undefined> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });

  const headers: Record<string, string> = { accept: "application/json", ...authorizationHeaders(), ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? "GET", headers, body, signal: controller.signal });
  } catch (error) {
    if (timedOut) throw new NetworkError(`The server did not answer within ${Math.round(timeoutMs / 1000)} s.`, true);
    if (options.signal?.aborted) throw error;
    throw new NetworkError("Could not reach the server. Check your connection.", false);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onOuterAbort);
  }

  if (response.status === 204) return undefined;
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new NetworkError("The connection broke while reading the server's answer.", false);
  }
  if (!response.ok) throw toApiError(response, text);
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, "The server sent an answer that is not valid JSON.");
  }
}

function toApiError(response: Response, text: string): ApiError {
  let problem: ProblemDetails | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object") problem = parsed as ProblemDetails;
  } catch {
    // Not JSON (e.g. a proxy's HTML error page); fall back to the status text.
  }
  const words = problem?.detail || problem?.title || response.statusText || "Request failed";
  return new ApiError(response.status, `${words} (HTTP ${response.status})`, problem);
}

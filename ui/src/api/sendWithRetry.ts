import { api } from "./client";
import { isRetryable } from "./errors";
import type { TurnAnswer } from "./types";

export interface RetryProgress {
  /** 1-based number of the attempt about to start. */
  attempt: number;
  maxAttempts: number;
  /** How long we wait before that attempt. */
  delayMs: number;
  reason: unknown;
}

export interface SendOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  onRetry?: (progress: RetryProgress) => void;
}

/**
 * Sends one user message, repeating it with the SAME idempotency key when the network fails or
 * the request times out. The server runs a key's turn at most once, so a repeat returns the first
 * answer instead of making a second turn.
 */
export async function sendWithRetry(
  sessionId: string,
  message: string,
  idempotencyKey: string,
  options: SendOptions = {},
): Promise<TurnAnswer> {
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.postMessage(sessionId, message, idempotencyKey);
    } catch (error) {
      if (!isRetryable(error) || attempt >= maxAttempts) throw error;
      const delayMs = backoff(baseDelayMs, attempt);
      options.onRetry?.({ attempt: attempt + 1, maxAttempts, delayMs, reason: error });
      await sleep(delayMs);
    }
  }
}

function backoff(baseDelayMs: number, failedAttempts: number): number {
  const exponential = baseDelayMs * 2 ** (failedAttempts - 1);
  return Math.round(exponential * (0.8 + Math.random() * 0.4));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

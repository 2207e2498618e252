import type { ProblemDetails } from "./types";

/** The API answered with an error status; the message is the problem's detail in words. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | undefined;

  constructor(status: number, message: string, problem?: ProblemDetails) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  /** Gateway-style failures where the request may not have reached the app; safe to repeat with the same idempotency key. */
  get isTransient(): boolean {
    return this.status === 502 || this.status === 503 || this.status === 504;
  }
}

/** The request never got an HTTP answer: offline, connection reset, or our own timeout. */
export class NetworkError extends Error {
  readonly timedOut: boolean;

  constructor(message: string, timedOut: boolean) {
    super(message);
    this.name = "NetworkError";
    this.timedOut = timedOut;
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && error.isTransient);
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

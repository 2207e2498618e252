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

  /**
   * Failures worth repeating with the same idempotency key: the app is unavailable (503/504), or a
   * proxy answered 502. The app's own 502 problem means the turn definitively failed: not retried.
   */
  get isTransient(): boolean {
    return this.status === 503 || this.status === 504 || (this.status === 502 && this.problem === undefined);
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

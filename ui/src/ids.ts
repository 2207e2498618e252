export const sessionIdPattern = /^[A-Za-z0-9_.-]{1,128}$/;

export function isValidSessionId(id: string): boolean {
  return sessionIdPattern.test(id);
}

const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A new session id made in the browser, e.g. `s-k3v9x0q2ma7d`. */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let suffix = "";
  for (const b of bytes) suffix += alphabet[b % alphabet.length];
  return `s-${suffix}`;
}

/** A fresh idempotency key for one user message. */
export function newIdempotencyKey(): string {
  // randomUUID exists only in secure contexts (https, localhost); keep working on a LAN address too.
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

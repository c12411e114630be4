import { newIdempotencyKey } from "@/api/client";

/**
 * One Idempotency-Key per intention to act. The same action sent again with the same
 * words (a retry after a lost answer, a second tap) reuses its key, so the server acts
 * once; changed words are a new intention (the server refuses an old key with a new body).
 */
export class IntentKeys {
  private readonly keys = new Map<string, { key: string; body: string }>();

  keyFor(intent: string, body: unknown): string {
    const fingerprint = JSON.stringify(body ?? null);
    const known = this.keys.get(intent);
    if (known && known.body === fingerprint) return known.key;
    const key = newIdempotencyKey();
    this.keys.set(intent, { key, body: fingerprint });
    return key;
  }

  /** The intention was fulfilled: acting again later is a new one. */
  done(intent: string): void {
    this.keys.delete(intent);
  }
}

// A 503 with Retry-After (a lock held elsewhere, the server restarting) is retried a few
// times after the delay the server asks for; everything else goes straight back.
const MAX_ATTEMPTS = 3;
const MAX_DELAY_MS = 10_000;

export function retryDelayMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(Math.max(seconds, 0) * 1000, MAX_DELAY_MS);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(date - now, 0), MAX_DELAY_MS);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function fetchWithRetry(input: Request): Promise<Response> {
  let attempt = 1;
  for (;;) {
    const response = await fetch(input.clone());
    const delay = response.status === 503 ? retryDelayMs(response.headers.get("Retry-After")) : null;
    if (delay === null || attempt >= MAX_ATTEMPTS) return response;
    attempt += 1;
    await sleep(delay);
  }
}

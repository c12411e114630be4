import type { QueryClient } from "@tanstack/react-query";
import type { AnyRouter } from "@tanstack/react-router";
import { onSessionExpired } from "@/api/session-events";

/**
 * A session that ends while the app is open (timeout, signed out in another tab): forget
 * what was loaded for that person, go to sign-in saying why, and come back here after.
 * Several requests failing at once send the person there once.
 */
export function followSessionExpiry(router: AnyRouter, queryClient: QueryClient): () => void {
  return onSessionExpired(() => {
    const { pathname, href } = router.state.location;
    if (pathname.endsWith("/sign-in")) return;
    // Cancel first: a query still in flight must not refill the cache once it is cleared.
    void queryClient.cancelQueries();
    queryClient.clear();
    void router.navigate({ to: "/sign-in", search: { next: href, expired: true }, replace: true });
  });
}

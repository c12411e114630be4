// A test's own copy of the app: the real route tree behind sign-in, a memory history, and
// fetch answered by the test, so a screen is tested as it runs (router, queries, shell).
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, createRouter, RouterProvider } from "@tanstack/react-router";
import { render } from "@testing-library/react";
import { absenceRoute } from "@/absence/routes";
import { signInRoute } from "@/auth/routes";
import { documentRoute } from "@/document/routes";
import { homeRoute } from "@/home/routes";
import { notificationsRoute } from "@/notifications/routes";
import { appRoute, rootRoute } from "@/routes/root";

// The routes these tests reach (src/router.tsx holds the whole tree).
const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([homeRoute, documentRoute, notificationsRoute, absenceRoute]),
]);

export type Handler = (request: Request, url: URL) => unknown | Response | undefined;

export interface Recorded {
  method: string;
  path: string;
  search: string;
  body: unknown;
}

export const me = {
  id: 1,
  username: "haeun.song",
  person: {
    id: 11,
    employee_number: "2020-0011",
    name: "송하은",
    name_en: "Song Haeun",
    unit: { id: 3, code: "BUDGET-T1", name: "예산총괄팀", kind: "team" },
    position: { id: 2, title: "주무관", title_en: "Officer", rank: 7, is_head: false },
  },
  roles: [],
};

function json(value: unknown, status = 200): Response {
  return new Response(status === 204 ? null : JSON.stringify(value), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

/** Stubs fetch: each request goes to `handler`; undefined falls back to the shell's own calls. */
export function stubApi(handler: Handler): Recorded[] {
  const recorded: Recorded[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: Request) => {
      const url = new URL(input.url);
      const text = input.method === "GET" ? "" : await input.text();
      recorded.push({ method: input.method, path: url.pathname, search: url.search, body: text ? JSON.parse(text) : null });
      const answer = handler(input, url);
      if (answer instanceof Response) return answer;
      if (answer !== undefined) return json(answer);
      if (url.pathname === "/api/me/") return json(me);
      if (url.pathname === "/api/notifications/unread-count/") return json({ unread: 0 });
      return json({ type: "not_found", detail: "Not found.", errors: [] }, 404);
    }),
  );
  return recorded;
}

export { json };

export function renderApp(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 } } });
  const history = createMemoryHistory({ initialEntries: [path] });
  const router = createRouter({ routeTree, history, context: { queryClient } });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}

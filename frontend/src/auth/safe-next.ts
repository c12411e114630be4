/** Where to go after signing in: only a path inside the app, never another origin. */
export function safeNext(next: string | undefined): string {
  if (!next) return "/";
  let path = next;
  if (path.startsWith("/app")) path = path.slice("/app".length) || "/";
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return "/";
  if (path.startsWith("/sign-in")) return "/";
  return path;
}

// Hash routes (#/problems, #/problems/{slug}, #/competitions/{id}[/problems/{label}]): the daemon
// serves one index.html at /, so every page of the client is reachable without server routes.
import { ApiError } from "./api";
import { clear, h } from "./dom";

/** A page may hand back an update: asked first when the hash changes to the same route, it returns true when it
 *  showed the new address itself (a problem page switching tabs keeps its editor), false to be drawn anew. */
export type Update = (params: URLSearchParams, ...parts: string[]) => boolean;
export type Page = (main: HTMLElement, params: URLSearchParams, signal: AbortSignal, ...parts: string[]) => Promise<void | Update>;

interface Route {
  pattern: RegExp;
  page: () => Promise<Page>;
}

const routes: Route[] = [];
let current: AbortController | null = null;
let kept: { route: Route; update: Update } | null = null;

export function route(pattern: RegExp, page: () => Promise<Page>): void {
  routes.push({ pattern, page });
}

export function navigate(hash: string): void {
  if (location.hash === hash) void render();
  else location.hash = hash;
}

/** Show the page the hash names; `redraw` draws it anew even where the page could update itself. */
export async function render(redraw = false): Promise<void> {
  const main = document.getElementById("main") as HTMLElement;
  const [path, search = ""] = (location.hash.slice(1) || "/problems").split("?");
  const params = new URLSearchParams(search);
  for (const entry of routes) {
    const match = entry.pattern.exec(path);
    if (!match) continue;
    const parts = match.slice(1).map((part) => (part === undefined ? "" : decodeURIComponent(part)));
    if (!redraw && kept?.route === entry && kept.update(params, ...parts)) return;
    const controller = restart();
    try {
      const show = await entry.page();
      const update = await show(main, params, controller.signal, ...parts);
      if (update && !controller.signal.aborted) kept = { route: entry, update };
    } catch (error) {
      if (controller.signal.aborted) return;
      errorPage(main, error);
    }
    return;
  }
  restart();
  errorPage(main, null);
}

/**
 * A page that could not be shown: its own title (not the previous page's), what went wrong in words,
 * and the ways on: back, the problems, the competitions, and "Try again" (which draws the address anew).
 */
function errorPage(main: HTMLElement, error: unknown): void {
  const missing = error === null || (error instanceof ApiError && error.status === 404);
  const title = missing ? "Not found" : "Something went wrong";
  document.title = `${title} · judged`;
  const said = error === null ? `There is no page at ${location.hash || "/"}.` : error instanceof Error ? error.message : String(error);
  const again = h("button", { type: "button", id: "try-again", onclick: () => void render(true) }, "Try again");
  const back = h("button", { type: "button", class: "secondary", onclick: () => history.back() }, "← Back");
  clear(
    main,
    h("h1", {}, title),
    h("p", { class: "error", role: "alert" }, said),
    h(
      "nav",
      { class: "error-ways", "aria-label": "Ways on" },
      history.length > 1 ? back : null,
      again,
      h("a", { href: "#/problems", class: "button secondary" }, "Problems"),
      h("a", { href: "#/competitions", class: "button secondary" }, "Competitions"),
    ),
  );
  main.dataset.page = "error";
}

/** Stop the page shown so far (its requests, its listeners) and start a new one. */
function restart(): AbortController {
  current?.abort();
  kept = null;
  const controller = new AbortController();
  current = controller;
  return controller;
}

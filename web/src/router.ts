// Hash routes (#/problems, #/problems/{slug}, #/competitions/{id}[/problems/{label}]): the daemon
// serves one index.html at /, so every page of the client is reachable without server routes.

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
      main.replaceChildren();
      const heading = document.createElement("h1");
      heading.textContent = "Something went wrong";
      const message = document.createElement("p");
      message.className = "error";
      message.setAttribute("role", "alert");
      message.textContent = error instanceof Error ? error.message : String(error);
      main.append(heading, message);
    }
    return;
  }
  restart();
  main.replaceChildren();
  const heading = document.createElement("h1");
  heading.textContent = "Not found";
  main.append(heading);
}

/** Stop the page shown so far (its requests, its listeners) and start a new one. */
function restart(): AbortController {
  current?.abort();
  kept = null;
  const controller = new AbortController();
  current = controller;
  return controller;
}

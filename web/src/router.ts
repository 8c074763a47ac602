// Hash routes (#/problems, #/problems/{slug}, #/competitions/{id}[/problems/{label}]): the daemon
// serves one index.html at /, so every page of the client is reachable without server routes.

export type Page = (main: HTMLElement, params: URLSearchParams, signal: AbortSignal, ...parts: string[]) => Promise<void>;

interface Route {
  pattern: RegExp;
  page: () => Promise<Page>;
}

const routes: Route[] = [];
let current: AbortController | null = null;

export function route(pattern: RegExp, page: () => Promise<Page>): void {
  routes.push({ pattern, page });
}

export function navigate(hash: string): void {
  if (location.hash === hash) void render();
  else location.hash = hash;
}

export async function render(): Promise<void> {
  const main = document.getElementById("main") as HTMLElement;
  const [path, search = ""] = (location.hash.slice(1) || "/problems").split("?");
  current?.abort();
  const controller = new AbortController();
  current = controller;
  for (const { pattern, page } of routes) {
    const match = pattern.exec(path);
    if (!match) continue;
    try {
      const show = await page();
      await show(main, new URLSearchParams(search), controller.signal, ...match.slice(1).map(decodeURIComponent));
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
  main.replaceChildren();
  const heading = document.createElement("h1");
  heading.textContent = "Not found";
  main.append(heading);
}

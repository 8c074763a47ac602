// A tiny element builder: h("a", { href: "#/" }, "text", child). No framework.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Element, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

export function clear(element: Element, ...children: (Child | Child[])[]): void {
  element.replaceChildren();
  append(element, children);
}

/** JSON of a value on one line, as the API writes test inputs and outputs. */
export function show(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export function seconds(value: number | undefined): string {
  return value === undefined ? "–" : `${value < 1 ? (value * 1000).toFixed(0) + " ms" : value.toFixed(2) + " s"}`;
}

export function mebibytes(bytes: number | undefined): string {
  return bytes === undefined || bytes === 0 ? "–" : `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** "1:02:03" or "12:03" from seconds. */
export function clock(total: number): string {
  const value = Math.max(0, Math.floor(total));
  const hours = Math.floor(value / 3600);
  const minutes = Math.floor((value % 3600) / 60);
  const secs = value % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return hours ? `${hours}:${pad(minutes)}:${pad(secs)}` : `${minutes}:${pad(secs)}`;
}

export const VERDICT_NAMES: Record<string, string> = {
  AC: "Accepted",
  WA: "Wrong answer",
  TLE: "Time limit exceeded",
  MLE: "Memory limit exceeded",
  OLE: "Output limit exceeded",
  RE: "Runtime error",
  CE: "Compile error",
  IE: "Internal error",
};

export function verdictBadge(verdict: string): HTMLElement {
  return h("span", { class: `verdict verdict-${verdict}`, title: VERDICT_NAMES[verdict] ?? verdict }, verdict);
}

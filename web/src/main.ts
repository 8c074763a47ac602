// The client's entry: read /web-config.json, draw the header (who you are, where to go), route.
import { loadConfig, setToken, type Reachability, setUserId, token, tokenSubject, USER_PATTERN, userId, type WebConfig } from "./api";
import { h } from "./dom";
import { navigate, render, route } from "./router";
import "./style.css";

route(/^\/?$|^\/problems$/, async () => (await import("./list")).listPage);
// A problem's tab is the rest of its address: "" (Description), /code, /submissions or /submissions/{id}.
const TAB = "(\\/code|\\/submissions(?:\\/[^/]+)?)?";
route(new RegExp(`^\\/problems\\/([^/]+)${TAB}$`), async () => (await import("./problem")).problemPage);
route(/^\/competitions$/, async () => (await import("./competitions")).competitionsPage);
route(/^\/competitions\/([^/]+)$/, async () => (await import("./competition")).competitionPage);
route(new RegExp(`^\\/competitions\\/([^/]+)\\/problems\\/([^/]+)${TAB}$`), async () => (await import("./problem")).competitionProblemPage);

function identity(config: WebConfig): HTMLElement {
  const user = h("input", {
    id: "user-id",
    name: "user-id",
    value: userId(),
    pattern: USER_PATTERN,
    autocomplete: "username",
    spellcheck: "false",
    placeholder: "e.g. ada",
    title: "Letters, digits and _ . : @ -, up to 64",
  });
  user.addEventListener("change", () => {
    if (user.checkValidity()) setUserId(user.value.trim());
    else user.reportValidity();
  });
  // A participant token says who you are: the id field shows it and cannot be changed.
  const fromToken = () => {
    const subject = tokenSubject();
    user.readOnly = subject !== null;
    if (subject !== null) user.value = subject;
  };
  fromToken();
  const parts: HTMLElement[] = [h("label", { for: "user-id" }, "Your user id"), user];
  if (!config.demo) {
    const secret = h("input", { id: "token", name: "token", type: "password", autocomplete: "off", value: config.token ? "" : token() ?? "" });
    secret.addEventListener("change", () => {
      setToken(secret.value.trim());
      fromToken();
      window.dispatchEvent(new CustomEvent("judged:user"));
      void render(true);
    });
    parts.push(h("label", { for: "token" }, "Token"), secret);
  }
  return h("form", { class: "identity", onsubmit: (event: Event) => event.preventDefault() }, parts);
}

function competitionJump(): HTMLElement {
  const input = h("input", { id: "competition-id", name: "competition-id", placeholder: "id", spellcheck: "false", size: 10 });
  return h(
    "form",
    {
      class: "jump",
      onsubmit: (event: Event) => {
        event.preventDefault();
        if (input.value.trim()) navigate(`#/competitions/${encodeURIComponent(input.value.trim())}`);
      },
    },
    h("label", { for: "competition-id" }, "Competition"),
    input,
    h("button", { type: "submit", class: "secondary" }, "Go"),
  );
}

/** A banner while judged cannot be reached: said in words, with when the page tries again (api.ts `reach`). */
function reachability(): HTMLElement {
  const banner = h("p", { class: "offline", id: "offline", role: "status", hidden: true });
  window.addEventListener("judged:reachability", (event) => {
    const state = (event as CustomEvent<Reachability>).detail;
    banner.hidden = !state.down;
    banner.textContent = state.down
      ? `judged cannot be reached (it may be restarting, or the network is down). Trying again in ${state.retryIn} s; nothing you typed is lost.`
      : "";
  });
  return banner;
}

async function start(): Promise<void> {
  const config = await loadConfig();
  const header = document.getElementById("top") as HTMLElement;
  header.append(
    h("a", { class: "brand", href: "#/problems" }, "judged"),
    h("nav", { "aria-label": "Main" }, h("a", { href: "#/problems" }, "Problems"), " ", h("a", { href: "#/competitions" }, "Competitions")),
    competitionJump(),
    identity(config),
  );
  header.after(reachability());
  if (!config.demo) {
    const notice = h(
      "p",
      { class: "notice", role: "note" },
      config.auth
        ? "Demo mode is off on this judged: paste the token your contest host gave you (it says who you are)."
        : "Demo mode is off on this judged: type the user id your contest host gave you.",
    );
    header.after(notice);
  }
  // The skip link focuses the content without touching the hash (the hash is the route).
  document.querySelector(".skip")?.addEventListener("click", (event) => {
    event.preventDefault();
    document.getElementById("main")?.focus();
  });
  window.addEventListener("hashchange", () => void render());
  await render();
}

void start();

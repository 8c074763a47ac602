// The public /v1 API of judged, as this client uses it. Every call goes through `call`,
// which adds the bearer token (when there is one) and turns the JSON error shape into ApiError.

export interface WebConfig {
  demo: boolean; // the participant types a user id; see docs/web.md
  auth: boolean; // the API wants a bearer token
  token: string | null; // the service token handed to the demo client (loopback only), when tokens are configured
  limits?: Limits; // the daemon's request-size limits, checked in the page before sending
}

/** What GET /web-config.json says judged accepts (judged/settings.py: server.max_body_kib, submissions.max_code_kib). */
export interface Limits {
  code_bytes: number; // UTF-8 bytes of a submission's or a run's code
  body_bytes: number; // bytes of a request body
  run_inputs: number; // custom inputs in one run
}

export interface ProblemSummary {
  slug: string;
  title: string;
  difficulty: "easy" | "medium" | "hard";
  tags: string[];
}

export interface ProblemListPage {
  items: (ProblemSummary & Partial<PersonalProblem>)[];
  next_cursor: string | null;
  total: number;
}

export interface Sample {
  input: Record<string, unknown> | string;
  output: unknown;
}

export interface Param {
  name: string;
  type: string;
}

/** A design problem's class: a test calls the constructor, then methods (`{"operations": [...], "arguments": [...]}`). */
export interface Design {
  class: string;
  constructor: Param[];
  methods: { name: string; params: Param[]; returns: string }[];
}

export interface Problem extends ProblemSummary {
  statement: string;
  limits: { time_limit: number; memory_limit: number };
  samples: Sample[];
  signature: { name: string; params: Param[]; returns: string } | null;
  design?: Design | null; // a design problem's class (LeetCode's "design a class"); its tests are two lists
  language: string;
  stub: string;
  languages: string[];
}

export interface Language {
  id: string;
  name: string;
  version: string;
  enabled: boolean;
  reason: string;
}

export interface TestResult {
  index: number;
  verdict: string;
  time: number;
  sample?: boolean;
  memory?: number;
  group?: string;
}

/** The first failing test. A hidden test comes with input, expected and actual null (judged/judging/visibility.py). */
export interface Failure {
  index: number;
  verdict: string;
  message: string;
  sample: boolean;
  input?: unknown;
  expected?: unknown;
  actual?: unknown;
}

export interface Submission {
  id: string;
  problem: string;
  language: string;
  user_id: string;
  status: "queued" | "judging" | "finished";
  created: number;
  competition_id?: string;
  progress?: { passed: number; total: number };
  verdict?: string;
  tests?: TestResult[];
  time?: number;
  memory?: number;
  compile_output?: string;
  message?: string;
  failure?: Failure;
  score?: number;
}

export interface Accepted {
  id: string;
  status: string;
  url: string;
  events_url?: string;
}

export interface CallOutput {
  status: "ok" | "error" | "not_run";
  value?: unknown;
  message?: string;
  time?: number;
}

export interface Run {
  id: string;
  problem: string;
  language: string;
  status: string;
  report?: {
    outcome: {
      status: "ok" | "compile_error" | "error" | "internal_error";
      outputs: CallOutput[];
      time: number;
      memory: number;
      compile_output: string;
      verdict: string | null;
      message: string;
      stdout: string;
      stderr: string;
    };
    inputs: unknown[];
    expected: unknown[] | null;
    expected_from: string;
  };
}

/** One line of GET /v1/submissions: a finished submission's summary (the full result is GET /v1/submissions/{id}). */
export interface HistoryItem {
  id: string;
  problem: string;
  language: string;
  user_id: string;
  verdict: string;
  time: number;
  memory: number;
  created: number; // Unix seconds
  finished: number;
  competition_id?: string;
  score?: number;
}

export interface HistoryPage {
  items: HistoryItem[];
  next_cursor: string | null;
}

/** A problem of GET /v1/problems?user_id=: with that user's standing on it. */
export interface PersonalProblem extends ProblemSummary {
  status: "solved" | "attempted" | null;
  attempts: number;
  last_verdict: string | null;
}

export interface CompetitionListing {
  id: string;
  title: string;
  start: number;
  end: number;
  duration: number;
  state: Competition["state"];
  rule: string;
  problems: number;
}

export interface CompetitionPage {
  items: CompetitionListing[];
  next_cursor: string | null;
}

export interface CompetitionProblem {
  label: string;
  problem: string;
}

export interface Competition {
  id: string;
  title: string;
  start: number; // Unix seconds
  duration: number; // seconds
  end?: number;
  state: "scheduled" | "running" | "frozen" | "ended" | "finalized";
  problems: CompetitionProblem[];
  rule: string;
  freeze_minutes?: number | null;
  freeze_at?: number | null;
  penalty_minutes?: number;
  hide_problems?: boolean; // until the start, only admins see its problems
}

export interface Cell {
  label: string;
  solved: boolean;
  attempts: number;
  time: number | null;
  pending: number;
  first_to_solve?: boolean;
}

export interface Row {
  rank: number;
  user_id: string;
  solved: number;
  time: number;
  penalty?: number;
  problems: Cell[];
}

/** GET /v1/acceptance: a problem's finished submissions (a problem not listed has none). */
export interface ProblemAcceptance {
  problem: string;
  submissions: number;
  accepted: number;
  solvers: number; // participants with an accepted submission
  tried: number; // participants with any submission
}

export interface AcceptancePage {
  items: ProblemAcceptance[];
}

/** An organisers' announcement (GET /v1/competitions/{id}/announcements). */
export interface Announcement {
  id: string; // ordered; ask for those after it
  text: string; // plain text, line breaks kept
  created: number; // Unix seconds
}

export interface AnnouncementPage {
  items: Announcement[];
  last: string | null;
}

/** GET /v1/competitions/{id}/stats: each problem's counts on the public board. */
export interface ProblemStats {
  label: string;
  solved: number; // participants who solved it
  tried: number; // participants who submitted to it
  submissions: number;
}

export interface StatsPage {
  competition_id: string;
  participants: number;
  problems: ProblemStats[];
}

export interface LeaderboardPage {
  participants?: number;
  total?: number;
  offset?: number;
  limit?: number;
  rows: Row[];
}

export interface Around {
  row: Row | null;
  rows: Row[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let config: WebConfig = { demo: false, auth: false, token: null };
const TOKEN_KEY = "judged:token";
const USER_KEY = "judged:user";

export async function loadConfig(): Promise<WebConfig> {
  try {
    const response = await fetch("/web-config.json", { cache: "no-cache" });
    if (response.ok) config = (await response.json()) as WebConfig;
  } catch {
    // Served by something else than judged (vite's dev server without a daemon): keep the defaults.
  }
  return config;
}

export function webConfig(): WebConfig {
  return config;
}

/** The bearer token: the one the demo configuration hands out, else one the participant pasted. */
export function token(): string | null {
  return config.token ?? sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value: string): void {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * The participant a participant token names: the `sub` of a JWT signed by the host's frontend
 * (docs/security.md), which the host page puts in sessionStorage ("judged:token") or the participant
 * pastes. judged acts for `sub` whatever the body says, so the client uses it as the user id. Null
 * for any other token (a demo service token) and when there is none.
 */
export function tokenSubject(): string | null {
  const parts = (token() ?? "").split(".");
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(atob(parts[1].replace(/-/g, "+").replace(/_/g, "/"))) as { sub?: unknown };
    return typeof claims.sub === "string" ? claims.sub : null;
  } catch {
    return null;
  }
}

export function userId(): string {
  return tokenSubject() ?? localStorage.getItem(USER_KEY) ?? "";
}

export function setUserId(value: string): void {
  if (value) localStorage.setItem(USER_KEY, value);
  else localStorage.removeItem(USER_KEY);
  window.dispatchEvent(new CustomEvent("judged:user"));
}

export const USER_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.:@\\-]{0,63}";

function headers(extra?: Record<string, string>): Record<string, string> {
  const found: Record<string, string> = { Accept: "application/json", ...extra };
  const bearer = token();
  if (bearer) found.Authorization = `Bearer ${bearer}`;
  return found;
}

/** The daemon cannot be reached (fetch failed, or a proxy in front of it answers 502/503/504 without judged's JSON). */
export interface Reachability {
  down: boolean;
  retryIn: number; // seconds until the next try, while down
}

const RETRY_FIRST = 1000;
const RETRY_MAX = 8000;
const GATEWAY = new Set([502, 503, 504]);

function announce(state: Reachability): void {
  window.dispatchEvent(new CustomEvent<Reachability>("judged:reachability", { detail: state }));
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = window.setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (window.clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/**
 * fetch, tried again (1 s, 2 s, 4 s, then every 8 s) for as long as judged cannot be reached, announcing it
 * ("judged:reachability" events; the page shows a banner) instead of failing with the browser's "Failed to fetch".
 * A request the daemon answered, even with an error, is returned as it is.
 */
export async function reach(path: string, init: RequestInit = {}): Promise<Response> {
  let wait = RETRY_FIRST;
  let failed = false;
  for (;;) {
    try {
      const response = await fetch(path, init);
      const proxied = GATEWAY.has(response.status) && !(response.headers.get("Content-Type") ?? "").includes("json");
      if (!proxied) {
        if (failed) announce({ down: false, retryIn: 0 });
        return response;
      }
    } catch (error) {
      if (init.signal?.aborted) throw error;
    }
    failed = true;
    announce({ down: true, retryIn: Math.round(wait / 1000) });
    await sleep(wait, init.signal);
    wait = Math.min(wait * 2, RETRY_MAX);
  }
}

const STATUS_WORDS: Record<number, string> = {
  413: "The request is larger than judged accepts",
  429: "Too many requests: wait a moment and try again",
};

export async function call<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await reach(path, {
    ...init,
    headers: headers(init.body ? { "Content-Type": "application/json" } : undefined),
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    const words = STATUS_WORDS[response.status] ?? `judged answered ${path} with something that is not JSON`;
    throw new ApiError(response.status, "bad_response", words);
  }
  if (!response.ok) {
    const error = (body as { error?: { code: string; message: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? "http", error?.message ?? `HTTP ${response.status}`);
  }
  return { status: response.status, body: body as T };
}

export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await call<T>(path, { signal })).body;
}

/** POST a value, or a body already encoded (the workspace checks its size first). */
export async function post<T>(path: string, value: unknown): Promise<{ status: number; body: T }> {
  return call<T>(path, { method: "POST", body: typeof value === "string" ? value : JSON.stringify(value) });
}

export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export interface StreamEvent {
  event: string;
  data: string;
}

/**
 * Read a server-sent event stream with fetch (so the bearer token goes along, which EventSource
 * cannot do). Resolves when the server ends the stream; rejects when it cannot be opened.
 */
export async function streamEvents(
  path: string,
  onEvent: (event: StreamEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await reach(path, { headers: headers({ Accept: "text/event-stream" }), signal });
  if (!response.ok || !response.body) throw new ApiError(response.status, "stream", `${path}: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const parsed = parseBlock(block);
      if (parsed) onEvent(parsed);
      end = buffer.indexOf("\n\n");
    }
  }
}

function parseBlock(block: string): StreamEvent | null {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue; // a keep-alive comment
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length || event !== "message" ? { event, data: data.join("\n") } : null;
}

// Problems and languages as fetched from the API, each once per visit; the preferred language.
import { get, type Language, type Problem } from "./api";

const problems = new Map<string, Promise<Problem>>();
let languages: Promise<Language[]> | null = null;

/** GET /v1/problems/{slug}?language=, each language's page fetched once per visit of the client. */
export function fetchProblem(slug: string, language: string): Promise<Problem> {
  const key = `${slug}\n${language}`;
  let found = problems.get(key);
  if (!found) {
    found = get<Problem>(`/v1/problems/${encodeURIComponent(slug)}?language=${encodeURIComponent(language)}`);
    found.catch(() => problems.delete(key));
    problems.set(key, found);
  }
  return found;
}

export function fetchLanguages(): Promise<Language[]> {
  const found = (languages ??= get<Language[]>("/v1/languages").catch(() => []));
  void found.then((list) => {
    if (!list.length) languages = null; // before the self-tests finish: ask again next time
  });
  return found;
}

export const LANGUAGE_KEY = "judged:language";

export function preferredLanguage(available: string[]): string {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return saved && available.includes(saved) ? saved : available.includes("python") ? "python" : available[0];
}

export function rememberLanguage(language: string): void {
  localStorage.setItem(LANGUAGE_KEY, language);
}


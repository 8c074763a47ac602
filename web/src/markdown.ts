// Problem statements: Markdown through `marked`, raw HTML shown as text (a statement is data),
// and LaTeX-style math ($...$, $$...$$) rendered readably with Unicode, <sup> and <sub>:
// the statements use a small part of TeX (≤, ·, powers, indices, fractions), and KaTeX
// would weigh more than the rest of this client together.
import { Marked, type TokenizerAndRendererExtension, type Tokens } from "marked";

const SYMBOLS: Record<string, string> = {
  le: "≤", leq: "≤", ge: "≥", geq: "≥", ne: "≠", neq: "≠", lt: "<", gt: ">",
  cdot: "·", times: "×", div: "÷", pm: "±", mp: "∓", dots: "…", ldots: "…", cdots: "⋯",
  infty: "∞", sum: "∑", prod: "∏", to: "→", rightarrow: "→", leftarrow: "←", Rightarrow: "⇒",
  in: "∈", notin: "∉", subset: "⊂", subseteq: "⊆", cup: "∪", cap: "∩", emptyset: "∅",
  forall: "∀", exists: "∃", neg: "¬", land: "∧", lor: "∨", oplus: "⊕", approx: "≈", equiv: "≡",
  lfloor: "⌊", rfloor: "⌋", lceil: "⌈", rceil: "⌉", langle: "⟨", rangle: "⟩", mid: "∣",
  log: "log", ln: "ln", min: "min", max: "max", gcd: "gcd", mod: "mod", bmod: "mod",
  lvert: "|", rvert: "|", vert: "|", dagger: "†", prime: "′", circ: "∘", star: "⋆",
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ",
  eta: "η", theta: "θ", iota: "ι", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ",
  pi: "π", rho: "ρ", sigma: "σ", tau: "τ", phi: "φ", varphi: "φ", chi: "χ", psi: "ψ",
  omega: "ω", Gamma: "Γ", Delta: "Δ", Theta: "Θ", Lambda: "Λ", Pi: "Π", Sigma: "Σ",
  Phi: "Φ", Omega: "Ω", quad: "\u2003", qquad: "\u2003\u2003",
};
const SPACES: Record<string, string> = { ",": "\u2009", ";": "\u2005", ":": "\u2005", " ": " ", "!": "" };
const PLAIN = new Set(["text", "mathrm", "mathbf", "mathit", "texttt", "operatorname", "textbf", "mathsf"]);
const SKIPPED = new Set(["left", "right", "displaystyle", "big", "Big", "bigl", "bigr", "limits"]);

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** TeX source to HTML: a small reader over the string, one construct at a time. */
export function tex(source: string): string {
  let at = 0;
  const group = (): string => {
    while (source[at] === " ") at++;
    if (source[at] === "{") {
      at++;
      return read("}");
    }
    if (source[at] === "\\") return command();
    return escape(source[at++] ?? "");
  };
  const command = (): string => {
    at++; // the backslash
    const name = /^[A-Za-z]+/.exec(source.slice(at))?.[0];
    if (!name) {
      const char = source[at++] ?? "";
      return char in SPACES ? SPACES[char] : char === "\\" ? "<br>" : escape(char);
    }
    at += name.length;
    if (name === "frac" || name === "dfrac" || name === "tfrac") {
      const top = group();
      const bottom = group();
      return `<span class="frac"><span>${top}</span>⁄<span>${bottom}</span></span>`;
    }
    if (name === "sqrt") return `√<span class="radicand">${group()}</span>`;
    if (name === "binom") return `C(${group()}, ${group()})`;
    if (PLAIN.has(name)) return `<span class="upright">${group()}</span>`;
    if (SKIPPED.has(name)) return "";
    return SYMBOLS[name] !== undefined ? SYMBOLS[name] : escape(`\\${name}`);
  };
  const read = (until: string): string => {
    let html = "";
    while (at < source.length) {
      const char = source[at];
      if (char === until) {
        at++;
        return html;
      }
      if (char === "\\") html += command();
      else if (char === "^") {
        at++;
        html += `<sup>${group()}</sup>`;
      } else if (char === "_") {
        at++;
        html += `<sub>${group()}</sub>`;
      } else if (char === "{") {
        at++;
        html += read("}");
      } else {
        at++;
        html += /[A-Za-z]/.test(char) ? `<i>${char}</i>` : char === "-" ? "−" : escape(char);
      }
    }
    return html;
  };
  return read("");
}

interface MathToken extends Tokens.Generic {
  text: string;
}

const inlineMath: TokenizerAndRendererExtension = {
  name: "inlineMath",
  level: "inline",
  start: (src: string) => src.indexOf("$"),
  tokenizer(src: string) {
    const match = /^\$(?!\$)((?:\\.|[^\\$\n])+?)\$/.exec(src);
    return match ? { type: "inlineMath", raw: match[0], text: match[1] } : undefined;
  },
  renderer: (token) => `<span class="math" data-tex="${escape((token as MathToken).text)}">${tex((token as MathToken).text)}</span>`,
};

const blockMath: TokenizerAndRendererExtension = {
  name: "blockMath",
  level: "block",
  start: (src: string) => src.indexOf("$$"),
  tokenizer(src: string) {
    const match = /^\$\$([\s\S]+?)\$\$(?:\n|$)/.exec(src);
    return match ? { type: "blockMath", raw: match[0], text: match[1].trim() } : undefined;
  },
  renderer: (token) => `<div class="math math-block">${tex((token as MathToken).text)}</div>\n`,
};

const marked = new Marked({
  gfm: true,
  extensions: [blockMath, inlineMath],
  renderer: {
    // The page's own <h1> is the problem's title: a statement's headings go one level down.
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(depth + 1, 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    html: (token: Tokens.HTML | Tokens.Tag) => escape(token.text),
    link: ({ href, text }: Tokens.Link) =>
      /^(https?:|#|\/)/.test(href) ? `<a href="${escape(href)}" rel="noopener noreferrer">${escape(text)}</a>` : escape(text),
    image: ({ text }: Tokens.Image) => escape(text),
  },
});

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false }) as string;
}

/**
 * The documentation as data, for test/docs.test.ts: the pages, their
 * headings, links and fenced blocks, and what each block says it prints.
 *
 * Conventions the pages follow:
 * - `#> text` in a sh block (and `//> text` in a ts block), at the end of a
 *   command's line or on lines of their own after it, is what the block
 *   prints, line by line, in order. In it, `<uuid>`, `<random>` (letters and
 *   digits), `<n>` (a number) and `…` (anything) stand for what changes from
 *   run to run, and `<path>` for a path on the reader's machine.
 * - `<!-- not run: reason -->` just before a block says why the test does
 *   not run it; the reason names the test that covers it instead.
 * - A yaml block whose first line is `# <dir>/<provider>/<name>.yaml` is a
 *   file of that name: it is written where the page's commands run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface Block {
  /** The fence's info string: sh, ts, yaml, text, or empty. */
  lang: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The reason given by `<!-- not run: … -->` just before the block. */
  notRun?: string;
}

export interface Page {
  /** Relative to the repository, with forward slashes. */
  file: string;
  text: string;
  /** GitHub's anchors of the page's headings. */
  anchors: Set<string>;
  links: { target: string; line: number }[];
  blocks: Block[];
}

/** README.md, CONTRIBUTING.md and every page under docs/. */
export function documentationFiles(): string[] {
  const docs = (dir: string): string[] =>
    readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? docs(`${dir}/${e.name}`) : e.name.endsWith('.md') ? [`${dir}/${e.name}`] : [],
    );
  return ['README.md', 'CONTRIBUTING.md', ...docs('docs').sort()].filter((f) => existsSync(path.join(repoRoot, f)));
}

export function readPage(file: string): Page {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  const links: Page['links'] = [];
  const blocks: Block[] = [];
  const lines = text.split('\n');
  let open: { lang: string; line: number; body: string[]; notRun?: string } | undefined;
  let lastProse = '';
  lines.forEach((l, i) => {
    if (open) {
      if (/^```\s*$/.test(l)) {
        blocks.push({ lang: open.lang, code: open.body.join('\n'), line: open.line, ...(open.notRun ? { notRun: open.notRun } : {}) });
        open = undefined;
      } else open.body.push(l);
      return;
    }
    const fence = /^```(\S*)/.exec(l);
    if (fence) {
      const notRun = /^<!-- not run: (.+?) -->$/.exec(lastProse.trim())?.[1];
      open = { lang: fence[1]!, line: i + 1, body: [], ...(notRun ? { notRun } : {}) };
      return;
    }
    const heading = /^#{1,6} (.+)$/.exec(l);
    if (heading) anchors.add(slugger.slug(heading[1]!.trim()));
    // Links outside inline code.
    for (const m of l.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) links.push({ target: m[1]!, line: i + 1 });
    if (l.trim() !== '') lastProse = l;
  });
  if (open) throw new Error(`${file}:${open.line}: a code block is not closed`);
  return { file, text, anchors, links, blocks };
}

/** What a block says it prints: the `#>` (or `//>`) lines, in order. */
export function expectedOutput(block: Block): string[] {
  const marker = block.lang === 'ts' || block.lang === 'js' ? '//>' : '#>';
  const out: string[] = [];
  for (const l of block.code.split('\n')) {
    const i = l.indexOf(marker);
    // A marker inside a quoted string is not one: it must start the line or follow whitespace.
    if (i >= 0 && (i === 0 || /\s/.test(l[i - 1]!)))
      out.push(
        l
          .slice(i + marker.length)
          .replace(/^ /, '')
          .trimEnd(),
      );
  }
  return out;
}

const PLACEHOLDERS: Record<string, string> = {
  '<uuid>': '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  '<random>': '[A-Za-z0-9]+',
  '<n>': '-?[0-9][0-9,]*(?:\\.[0-9]+)?',
  '<path>': '\\S+',
  '…': '.*?',
};

/** An expected line as a pattern: the placeholders match what changes, everything else literally. */
export function linePattern(expected: string): RegExp {
  const parts = expected.split(/(<uuid>|<random>|<n>|<path>|…)/);
  return new RegExp(`^${parts.map((p) => PLACEHOLDERS[p] ?? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('')}$`);
}

import { ValidationError, type FieldIssue } from '@creatorflow/core';

/**
 * A niche is keyword groups in TrendRadar's frequency-word syntax
 * (trendradar/core/frequency.py, checked 2026-12-02):
 *
 *   [美妆护肤]          optional first line: the group's name
 *   口红                plain word: any one of them must appear
 *   /粉底(液|霜)/       regex between slashes (case-insensitive)
 *   +平价               must word: all of them must appear
 *   !广告               exclude word: the title is dropped if it appears
 *   防晒 => 防晒霜       alias: shown instead of the word
 *   @10                 at most 10 items from this group
 *
 * Groups are separated by a blank line; lines starting with # are comments; a
 * section headed [GLOBAL_FILTER] lists words that drop a title whatever group
 * matches. Unlike TrendRadar, an exclude word applies to its own group only
 * (TrendRadar pools them across groups, so "!广告" in one group silently
 * removed matches of every other group), and a broken regex is an error the
 * user sees instead of a printed warning.
 */
export interface NicheWord {
  text: string;
  regex?: RegExp;
  alias?: string;
}

export interface NicheGroup {
  name: string;
  any: NicheWord[];
  must: NicheWord[];
  exclude: NicheWord[];
  max?: number;
}

export interface NicheRules {
  groups: NicheGroup[];
  globalFilters: NicheWord[];
}

export interface NicheMatch {
  group: string;
  /** The words that matched, by their alias where they have one. */
  words: string[];
}

function parseWord(raw: string, line: number, issues: FieldIssue[]): NicheWord | undefined {
  const [config = '', alias] = raw.split(/\s*=>\s*/, 2).map((s) => s.trim());
  if (!config) {
    issues.push({ path: `line ${line}`, message: 'empty word' });
    return undefined;
  }
  const regex = /^\/(.+)\/[a-z]*$/.exec(config);
  if (regex) {
    try {
      return { text: regex[1]!, regex: new RegExp(regex[1]!, 'iu'), alias: alias || undefined };
    } catch (error) {
      issues.push({ path: `line ${line}`, message: `invalid regular expression /${regex[1]}/: ${(error as Error).message}` });
      return undefined;
    }
  }
  return { text: config, alias: alias || undefined };
}

export function parseNiche(source: string): NicheRules {
  const issues: FieldIssue[] = [];
  const groups: NicheGroup[] = [];
  const globalFilters: NicheWord[] = [];
  let section: 'groups' | 'global' = 'groups';
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let block: Array<{ text: string; line: number }> = [];
  const flush = () => {
    let words = block;
    block = [];
    if (words.length === 0) return;
    const head = words[0]!.text;
    if (/^\[(GLOBAL_FILTER|WORD_GROUPS)\]$/i.test(head)) {
      section = head.toUpperCase() === '[GLOBAL_FILTER]' ? 'global' : 'groups';
      words = words.slice(1);
    }
    if (section === 'global') {
      for (const w of words) {
        if (/^[+!@]/.test(w.text)) issues.push({ path: `line ${w.line}`, message: 'the global filter takes plain words or /regex/ only' });
        else {
          const parsed = parseWord(w.text, w.line, issues);
          if (parsed) globalFilters.push(parsed);
        }
      }
      return;
    }
    let name: string | undefined;
    if (words[0] && /^\[.+\]$/.test(words[0].text)) {
      name = words[0].text.slice(1, -1).trim();
      words = words.slice(1);
    }
    const group: NicheGroup = { name: '', any: [], must: [], exclude: [] };
    for (const w of words) {
      if (w.text.startsWith('@')) {
        const n = Number(w.text.slice(1));
        if (!Number.isInteger(n) || n <= 0) issues.push({ path: `line ${w.line}`, message: `'${w.text}' is not @ followed by a positive number` });
        else group.max = n;
        continue;
      }
      const kind = w.text.startsWith('+') ? 'must' : w.text.startsWith('!') ? 'exclude' : 'any';
      const parsed = parseWord(kind === 'any' ? w.text : w.text.slice(1), w.line, issues);
      if (parsed) group[kind].push(parsed);
    }
    if (group.any.length === 0 && group.must.length === 0) {
      if (words.length > 0) issues.push({ path: `line ${words[0]!.line}`, message: 'a group needs at least one plain or + word' });
      return;
    }
    group.name = name ?? [...group.any, ...group.must].map((w) => w.alias ?? w.text).join(' / ');
    groups.push(group);
  };
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return flush();
    if (text.startsWith('#')) return;
    block.push({ text, line: i + 1 });
  });
  flush();
  if (issues.length > 0) throw new ValidationError(`The niche rules have ${issues.length} problem(s): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  return { groups, globalFilters };
}

function hit(word: NicheWord, lower: string): boolean {
  return word.regex ? word.regex.test(lower) : lower.includes(word.text.toLowerCase());
}

/** The first group a title matches, with the words that matched; undefined when none does or a filter drops it. */
export function matchNiche(rules: NicheRules, title: string): NicheMatch | undefined {
  const lower = title.normalize('NFKC').toLowerCase();
  if (!lower.trim()) return undefined;
  if (rules.globalFilters.some((w) => hit(w, lower))) return undefined;
  for (const group of rules.groups) {
    if (group.exclude.some((w) => hit(w, lower))) continue;
    if (!group.must.every((w) => hit(w, lower))) continue;
    const anyHits = group.any.filter((w) => hit(w, lower));
    if (group.any.length > 0 && anyHits.length === 0) continue;
    return { group: group.name, words: [...anyHits, ...group.must].map((w) => w.alias ?? w.text) };
  }
  return undefined;
}

/**
 * A niche given as plain words ("美妆 护肤", as the CLI and the analytics graph
 * pass it) becomes one group of any-words; a text with rule syntax is parsed as is.
 */
export function nicheFromText(text: string): NicheRules {
  const trimmed = text.trim();
  if (/[\n+!@/[\]]|=>/.test(trimmed)) return parseNiche(trimmed);
  const words = trimmed.split(/[\s,，、;；]+/).filter(Boolean);
  if (words.length === 0) throw new ValidationError('A niche needs at least one keyword', [{ path: 'niche', message: 'empty' }]);
  return parseNiche(words.join('\n'));
}

/**
 * Every name a thing goes by, for search. Pagefind has no synonyms (https://github.com/Pagefind/pagefind/issues/777),
 * so the other names of an entity are indexed beside each mention of it, as index-only text: an empty element
 * whose attribute Pagefind indexes (`data-pagefind-index-attrs`) and nobody sees or hears (see index-names.ts).
 *
 * Pure and browser-safe: the search UI uses the same folding.
 */

/** Letters that Unicode does not decompose but readers type without their marks (Azerbaijani ə, ı). */
const UNDECOMPOSABLE: Record<string, string> = { ə: 'e', Ə: 'E', ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D' };

/** Replaces only the letters Unicode cannot decompose (ə → e, ı → i); Pagefind folds the other marks itself. */
export function foldUndecomposable(text: string): string {
  return text.replace(/[əƏıłŁøØđĐ]/g, (c) => UNDECOMPOSABLE[c] ?? c);
}

/** Folds a word or name to plain Latin letters: "Xankəndi" → "Xankendi", "İlham Əliyev" → "Ilham Eliyev". */
export function foldDiacritics(text: string): string {
  return foldUndecomposable(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

/** The attribute the index-only names live in, and the brackets that let the search UI find them in results. */
export const NAMES_ATTRIBUTE = 'data-names';
export const NAMES_OPEN = '⟦';
export const NAMES_CLOSE = '⟧';

/** The names of one background entry, as its frontmatter gives them. */
export interface EntityNames {
  /** "<kind>/<id>", e.g. "places/stepanakert". */
  ref: string;
  name: string;
  alternateNames: readonly { name: string; latin?: string | undefined }[];
  forms: readonly string[];
}

/**
 * Every name of an entry, each also without diacritics, without repeats (case-insensitive): its name (split at
 * " / ", as in "Stepanakert / Khankendi"), its other names and their transliterations, and its match forms.
 */
export function allNames(entity: EntityNames): string[] {
  const raw = [
    ...entity.name.split(/\s+\/\s+/),
    ...entity.alternateNames.flatMap((a) => [a.name, a.latin ?? '']),
    ...entity.forms,
  ];
  const seen = new Set<string>();
  const names: string[] = [];
  // Only Latin names are folded: NFKD would also turn Cyrillic й into и, a spelling nobody types.
  const variants = (n: string): string[] => (/\p{Script=Latin}/u.test(n) ? [n, foldDiacritics(n)] : [n]);
  for (const name of raw.flatMap((n) => variants(n.trim()))) {
    const key = name.toLocaleLowerCase('en');
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/** Word separators exactly as Pagefind counts word positions (whitespace except U+FEFF). */
export const WORD_SEPARATORS = /[^\S\uFEFF]+/;

/** How many words Pagefind counts in `text`. */
export function wordCount(text: string): number {
  return text.split(WORD_SEPARATORS).filter((w) => w !== '').length;
}

/**
 * The index-only text for a mention of `mentionWords` words: the names in brackets, so results can tell them from
 * the publisher's words, with one opening bracket per word of the mention they stand beside ("⟦⟦" after "Lachin
 * corridor"), so a match in them marks the whole mention. Pagefind indexes the names without the brackets.
 */
export function indexOnlyText(names: readonly string[], mentionWords = 1): string {
  return `${NAMES_OPEN.repeat(Math.max(1, mentionWords))}${names.join(' ')}${NAMES_CLOSE}`;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const wholeWords = new Map<string, RegExp>();
/** A regex finding `form` as a whole word (not inside a longer word), compiled once per form. */
function wholeWord(form: string): RegExp {
  let re = wholeWords.get(form);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'u');
    wholeWords.set(form, re);
  }
  return re;
}

/**
 * The entries whose match forms stand, as whole words, inside a mention of another: "Aghdam-Khankendi route" (the
 * road) also names Khankendi (Stepanakert) and Aghdam, so searching "Stepanakert" should find it too. A form equal
 * to the whole mention is not "within" it: which entry that is, the link plugin has settled (shared forms).
 */
export function namedWithin(text: string, entities: readonly EntityNames[], except: string): { ref: string; start: number; end: number }[] {
  // The same mention text comes back on page after page ("Azerbaijan" tens of thousands of times at 1,000 articles):
  // each is looked up once per list of entries.
  let known = namedWithinCache.get(entities);
  if (!known) namedWithinCache.set(entities, (known = new Map()));
  const key = `${except}\0${text}`;
  let found = known.get(key);
  if (!found) known.set(key, (found = findNamedWithin(text, entities, except)));
  return found.map((f) => ({ ...f }));
}

const namedWithinCache = new WeakMap<readonly EntityNames[], Map<string, { ref: string; start: number; end: number }[]>>();

function findNamedWithin(text: string, entities: readonly EntityNames[], except: string): { ref: string; start: number; end: number }[] {
  const whole = text.trim().toLocaleLowerCase('en');
  return entities.flatMap((e) => {
    if (e.ref === except) return [];
    for (const form of e.forms) {
      // Most forms are not in a mention at all: a plain substring test settles those without a regex.
      if (!text.includes(form) || form.toLocaleLowerCase('en') === whole) continue;
      const match = wholeWord(form).exec(text);
      if (match) return [{ ref: e.ref, start: match.index, end: match.index + form.length }];
    }
    return [];
  });
}

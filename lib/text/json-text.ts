// Reading the JSON of a file a juror chose (a backup, a colleague's export, a référentiel). Our own
// scan checks the text before JSON.parse, so every browser gives the same French message with the
// line and column (the engines' own messages are English and differ: « Unexpected token… » in
// Chromium, « JSON.parse: unexpected character… » in Firefox); it refuses nesting deeper than
// MAX_JSON_DEPTH (deep enough, parsing or validating it overflows the stack) and the keys that
// reach an object's prototype. The scan is a loop, not a recursion, whatever the depth.
import { ImportError, formatPath } from './file-errors';

/**
 * Deepest nesting accepted. A backup nests at most 45 levels (a history value may hold 40,
 * LIMITS.historyDepth, under envelope › data › history › row), a référentiel 7.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The key that sets an object's prototype when code copies it (`Object.assign`, a spread of
 * parsed rows): refused in any file. A backup may hold « constructor » inside a history value,
 * kept as it was (an own property of parsed JSON, harmless).
 */
export const PROTO_KEYS: ReadonlySet<string> = new Set(['__proto__']);
/** For a file whose every key is a schema field (a référentiel): the three keys of the prototype chain. */
export const PROTOTYPE_CHAIN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonTextOptions {
  /** Keys refused wherever they appear (default PROTO_KEYS). */
  forbiddenKeys?: ReadonlySet<string>;
  maxDepth?: number;
}

export type JsonProblem =
  | { kind: 'syntax'; at: number; reason: string }
  | { kind: 'truncated' }
  | { kind: 'too-deep'; at: number; limit: number }
  | { kind: 'forbidden-key'; at: number; key: string; path: string };

const OBJECT = 0;
const ARRAY = 1;
const PLAIN = /[^"\\\u0000-\u001F]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const TRUNCATED: JsonProblem = { kind: 'truncated' };
const syntax = (at: number, reason: string): JsonProblem => ({ kind: 'syntax', at, reason });

/** « « x » », or the code of a character one cannot see (a no-break space, a byte-order mark…). */
function shownChar(text: string, at: number): string {
  const code = text.codePointAt(at)!;
  const char = String.fromCodePoint(code);
  if (/[\s\u0000-\u001F\u007F-\u009F\u200B-\u200D\u2060]/.test(char)) return `caractère invisible U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `caractère inattendu « ${char} »`;
}

/** Why a character cannot stand where a value, a key or what follows a value was expected. */
function unexpected(text: string, at: number, expected: string): JsonProblem {
  const ch = text[at];
  if (ch === "'") return syntax(at, 'un guillemet simple, là où JSON demande des guillemets doubles « " »');
  if (ch === '/') return syntax(at, 'un commentaire, que JSON ne permet pas');
  return syntax(at, `${shownChar(text, at)}, ${expected}`);
}

function skipSpace(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  return i;
}

/** The text opened by the quote at `start`: the offset after its closing quote and whether it holds an escape. */
function scanString(text: string, start: number): { end: number; escaped: boolean } | JsonProblem {
  let i = start + 1;
  let escaped = false;
  for (;;) {
    PLAIN.lastIndex = i;
    PLAIN.test(text);
    i = PLAIN.lastIndex;
    if (i >= text.length) return TRUNCATED;
    const c = text.charCodeAt(i);
    if (c === 34) return { end: i + 1, escaped };
    if (c !== 92) return syntax(i, c === 10 || c === 13 ? 'saut de ligne dans un texte (un guillemet fermant manque-t-il ?)' : `${shownChar(text, i)} dans un texte (un caractère de contrôle doit y être échappé)`);
    escaped = true;
    const e = text[i + 1];
    if (e === undefined) return TRUNCATED;
    if (e === 'u') {
      HEX4.lastIndex = i + 2;
      if (!HEX4.test(text)) return /^[0-9a-fA-F]{0,3}$/.test(text.slice(i + 2)) ? TRUNCATED : syntax(i, 'séquence « \\u » invalide dans un texte (quatre chiffres hexadécimaux attendus)');
      i += 6;
    } else if ('"\\/bfnrt'.includes(e)) i += 2;
    else return syntax(i, `séquence d’échappement invalide « \\${e} » dans un texte`);
  }
}

/** A number or true / false / null at `i`: the offset after it, or a problem. */
function scanScalar(text: string, i: number): number | JsonProblem {
  const ch = text[i]!;
  if (ch === '-' || (ch >= '0' && ch <= '9')) {
    NUMBER.lastIndex = i;
    const malformed = () => syntax(i, `nombre mal formé « ${/^[-+.\w]{1,30}/.exec(text.slice(i, i + 30))![0]} »`);
    if (!NUMBER.test(text)) return i + 1 >= text.length ? TRUNCATED : malformed();
    const end = NUMBER.lastIndex;
    if (end < text.length && /[0-9.eE+-]/.test(text[end]!)) return malformed();
    return end;
  }
  WORD.lastIndex = i;
  if (WORD.test(text)) {
    const word = text.slice(i, WORD.lastIndex);
    if (word === 'true' || word === 'false' || word === 'null') return WORD.lastIndex;
    if (WORD.lastIndex === text.length && ['true', 'false', 'null'].some((w) => w.startsWith(word))) return TRUNCATED;
    return syntax(i, `« ${word.length > 30 ? `${word.slice(0, 30)}…` : word} » n’est pas une valeur JSON (attendu true, false, null, un nombre, un texte entre guillemets, une liste ou un objet)`);
  }
  return unexpected(text, i, 'une valeur attendue');
}

/**
 * The first problem of a JSON text, or null when JSON.parse will read it: the syntax of RFC 8259
 * exactly (no comment, no trailing comma, no other white space), nesting, forbidden keys.
 */
export function scanJson(text: string, options: JsonTextOptions = {}): JsonProblem | null {
  const { forbiddenKeys = PROTO_KEYS, maxDepth = MAX_JSON_DEPTH } = options;
  // Per open container: its kind, and where the path stands in it (an array's index, or the
  // offsets of the object's current key), so a forbidden key is named by its path.
  const kinds: number[] = [];
  const at: number[] = [];
  const until: number[] = [];
  const path = (key: string): string =>
    formatPath([...kinds.slice(0, -1).map((kind, level) => (kind === ARRAY ? at[level]! : (JSON.parse(text.slice(at[level]! - 1, until[level]! + 1)) as string))), key]);
  type State = 'value' | 'first-value' | 'value-after-comma' | 'key' | 'first-key' | 'after';
  let state: State = 'value';
  let i = skipSpace(text, 0);
  const close = () => {
    kinds.pop();
    at.pop();
    until.pop();
    i = skipSpace(text, i + 1);
    state = 'after';
  };
  for (;;) {
    if (i >= text.length) return state === 'after' && kinds.length === 0 ? null : TRUNCATED;
    const ch = text[i]!;
    if (state === 'after') {
      if (kinds.length === 0) return ch === '/' ? unexpected(text, i, '') : syntax(i, `${shownChar(text, i)} après la fin du JSON`);
      const kind = kinds.at(-1)!;
      if (ch === ',') {
        i = skipSpace(text, i + 1);
        if (kind === ARRAY) at[at.length - 1]!++;
        state = kind === ARRAY ? 'value-after-comma' : 'key';
      } else if ((ch === ']' && kind === ARRAY) || (ch === '}' && kind === OBJECT)) close();
      else return unexpected(text, i, kind === OBJECT ? 'une virgule « , » ou « } » attendue' : 'une virgule « , » ou « ] » attendue');
    } else if (state === 'key' || state === 'first-key') {
      if (ch === '}') {
        if (state === 'key') return syntax(i, 'virgule en trop avant « } »');
        close();
        continue;
      }
      if (ch === ',') return syntax(i, 'virgule en trop, un nom de champ entre guillemets attendu');
      if (ch !== '"') return unexpected(text, i, 'un nom de champ entre guillemets attendu');
      const key = scanString(text, i);
      if ('kind' in key) return key;
      const raw = text.slice(i + 1, key.end - 1);
      const name = key.escaped ? (JSON.parse(text.slice(i, key.end)) as string) : raw;
      if (forbiddenKeys.has(name)) return { kind: 'forbidden-key', at: i, key: name, path: path(name) };
      at[at.length - 1] = i + 1;
      until[until.length - 1] = key.end - 1;
      i = skipSpace(text, key.end);
      if (i >= text.length) return TRUNCATED;
      if (text[i] !== ':') return unexpected(text, i, 'un deux-points « : » attendu après le nom de champ');
      i = skipSpace(text, i + 1);
      state = 'value';
    } else if (ch === '{' || ch === '[') {
      if (kinds.length >= maxDepth) return { kind: 'too-deep', at: i, limit: maxDepth };
      kinds.push(ch === '{' ? OBJECT : ARRAY);
      at.push(0);
      until.push(-1);
      i = skipSpace(text, i + 1);
      state = ch === '{' ? 'first-key' : 'first-value';
    } else if (ch === ']' && state === 'first-value') close();
    else if ((ch === ']' || ch === '}') && state === 'value-after-comma') return syntax(i, `virgule en trop avant « ${ch} »`);
    else if (ch === ',' && state !== 'value') return syntax(i, 'valeur manquante avant la virgule');
    else if (ch === '"') {
      const string = scanString(text, i);
      if ('kind' in string) return string;
      i = skipSpace(text, string.end);
      state = 'after';
    } else {
      const end = scanScalar(text, i);
      if (typeof end !== 'number') return end;
      i = skipSpace(text, end);
      state = 'after';
    }
  }
}

/** Line and column (1-based) of a character offset, for « ligne 3, colonne 17 »; CRLF, LF and CR end a line. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** A problem found by scanJson, in French, for the file named `what` (« Le fichier »). */
export function jsonProblemError(problem: JsonProblem, text: string, what: string): ImportError {
  if (problem.kind === 'truncated')
    return new ImportError('malformed-json', `${what} est incomplet (le JSON s'arrête avant la fin) : il a sans doute été tronqué pendant la copie ou le téléchargement.`);
  const { line, column } = lineAndColumn(text, problem.at);
  const where = `ligne ${line}, colonne ${column}`;
  if (problem.kind === 'too-deep')
    return new ImportError(
      'too-deep',
      `${what} imbrique plus de ${problem.limit} niveaux de listes ou d'objets (${where}) : aucune sauvegarde ni aucun référentiel Grille n'en a autant, il n'est pas importé.`,
    );
  if (problem.kind === 'forbidden-key')
    return new ImportError('forbidden-key', `${what} contient une clé interdite (« ${problem.key} », en ${problem.path}, ${where}) : il a pu être fabriqué pour nuire, il n'est pas importé.`);
  return new ImportError('malformed-json', `${what} n'est pas un JSON valide, ${where} : ${problem.reason}. Il est peut-être abîmé ou a été modifié à la main.`);
}

/** JSON.parse after scanJson, every refusal an ImportError in French. A leading byte-order mark is ignored. */
export function parseJsonText(text: string, what = 'Le fichier', options: JsonTextOptions = {}): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^[ \t\n\r]*$/.test(body)) throw new ImportError('malformed-json', `${what} est vide : il n'y a rien à importer.`);
  const problem = scanJson(body, options);
  if (problem) throw jsonProblemError(problem, body, what);
  try {
    return JSON.parse(body);
  } catch {
    // The scan accepts exactly what JSON.parse does; this would be a text too large for memory.
    throw new ImportError('malformed-json', `${what} n'a pas pu être lu comme JSON (trop volumineux pour la mémoire disponible ?) : rien n'a été importé.`);
  }
}

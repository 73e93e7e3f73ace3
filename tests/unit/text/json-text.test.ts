// @vitest-environment node
// Grille's own reading of JSON: the same French message with line and column whatever the
// browser, nesting refused before JSON.parse, forbidden keys named by their path, and exactly
// the texts JSON.parse accepts (checked against the engine on thousands of broken files).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportError } from '@/lib/text/file-errors';
import { MAX_JSON_DEPTH, PROTOTYPE_CHAIN_KEYS, lineAndColumn, parseJsonText, scanJson } from '@/lib/text/json-text';

afterEach(() => vi.restoreAllMocks());

function refusal(text: string, options?: Parameters<typeof parseJsonText>[2]): ImportError {
  try {
    parseJsonText(text, 'Le fichier', options);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error(`accepté : ${text.slice(0, 80)}`);
}

const invalid = (where: string, reason: string) => `Le fichier n'est pas un JSON valide, ${where} : ${reason}. Il est peut-être abîmé ou a été modifié à la main.`;
const TRUNCATED = "Le fichier est incomplet (le JSON s'arrête avant la fin) : il a sans doute été tronqué pendant la copie ou le téléchargement.";

describe('syntax errors, in French with line and column', () => {
  it.each([
    // What V8 calls « Unexpected token 'c', "config" is not valid JSON ».
    ['a word instead of a value', 'config', 'ligne 1, colonne 1', '« config » n’est pas une valeur JSON (attendu true, false, null, un nombre, un texte entre guillemets, une liste ou un objet)'],
    ['True for true', '{"a": True}', 'ligne 1, colonne 7', '« True » n’est pas une valeur JSON (attendu true, false, null, un nombre, un texte entre guillemets, une liste ou un objet)'],
    // V8: « Expected ',' or '}' after property value in JSON at position 40 (line 4 column 3) ».
    ['a missing comma between fields', '{\n  "format": "grille-backup",\n  "formatVersion": 1\n  "scope": "all"\n}', 'ligne 4, colonne 3', 'caractère inattendu « " », une virgule « , » ou « } » attendue'],
    ['a missing comma in a list', '[1 2]', 'ligne 1, colonne 4', 'caractère inattendu « 2 », une virgule « , » ou « ] » attendue'],
    ['a trailing comma in an object', '{"a": 1,\n}', 'ligne 2, colonne 1', 'virgule en trop avant « } »'],
    ['a trailing comma in a list', '[1, 2, ]', 'ligne 1, colonne 8', 'virgule en trop avant « ] »'],
    ['two commas in an object', '{"a": 1,, "b": 2}', 'ligne 1, colonne 9', 'virgule en trop, un nom de champ entre guillemets attendu'],
    ['two commas in a list', '[1,,2]', 'ligne 1, colonne 4', 'valeur manquante avant la virgule'],
    ['a missing value', '{"a": }', 'ligne 1, colonne 7', 'caractère inattendu « } », une valeur attendue'],
    ['a missing colon', '{"a" 1}', 'ligne 1, colonne 6', 'caractère inattendu « 1 », un deux-points « : » attendu après le nom de champ'],
    ['an unquoted key', '{a: 1}', 'ligne 1, colonne 2', 'caractère inattendu « a », un nom de champ entre guillemets attendu'],
    ['single quotes', "{'a': 1}", 'ligne 1, colonne 2', 'un guillemet simple, là où JSON demande des guillemets doubles « " »'],
    ['a comment', '{\n  // note\n  "a": 1\n}', 'ligne 2, colonne 3', 'un commentaire, que JSON ne permet pas'],
    ['a line break inside a text', '{"a": "deux\nlignes"}', 'ligne 1, colonne 12', 'saut de ligne dans un texte (un guillemet fermant manque-t-il ?)'],
    ['a tab inside a text', '["a\tb"]', 'ligne 1, colonne 4', 'caractère invisible U+0009 dans un texte (un caractère de contrôle doit y être échappé)'],
    ['a bad escape', '["C:\\dossier"]', 'ligne 1, colonne 5', 'séquence d’échappement invalide « \\d » dans un texte'],
    ['a bad \\u escape', '["\\u00zz"]', 'ligne 1, colonne 3', 'séquence « \\u » invalide dans un texte (quatre chiffres hexadécimaux attendus)'],
    ['a leading zero', '{"n": 012}', 'ligne 1, colonne 7', 'nombre mal formé « 012 »'],
    ['a number ending with a dot', '[1.]', 'ligne 1, colonne 2', 'nombre mal formé « 1. »'],
    ['a plus sign', '[+1]', 'ligne 1, colonne 2', 'caractère inattendu « + », une valeur attendue'],
    ['a no-break space between tokens', '{"a":\u00A01}', 'ligne 1, colonne 6', 'caractère invisible U+00A0, une valeur attendue'],
    ['text after the end', '{"a": 1}\n{"b": 2}', 'ligne 2, colonne 1', 'caractère inattendu « { » après la fin du JSON'],
    ['an emoji as a value', '[🙂]', 'ligne 1, colonne 2', 'caractère inattendu « 🙂 », une valeur attendue'],
  ])('%s', (_, text, where, reason) => {
    const error = refusal(text);
    expect(error.code).toBe('malformed-json');
    expect(error.message).toBe(invalid(where, reason));
  });

  it('counts lines ended by CRLF, LF or a lone CR alike, and columns from 1', () => {
    expect(refusal('{\r\n"a": 1,\r\n"b": x}').message).toBe(invalid('ligne 3, colonne 6', '« x » n’est pas une valeur JSON (attendu true, false, null, un nombre, un texte entre guillemets, une liste ou un objet)'));
    expect(lineAndColumn('a\rb\nc\r\nd', 7)).toEqual({ line: 4, column: 1 });
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });

  it('says a file cut short is incomplete, wherever it stops', () => {
    for (const text of ['{', '{"a"', '{"a":', '{"a": 1', '{"a": 1,', '[1, 2', '["texte', '["\\', '["\\u00', '{"a": tr', '{"a": -', '[[[]]'])
      expect(refusal(text).message, text).toBe(TRUNCATED);
  });

  it('says an empty file is empty', () => {
    expect(refusal('').message).toBe("Le fichier est vide : il n'y a rien à importer.");
    expect(refusal(' \r\n\t').message).toBe("Le fichier est vide : il n'y a rien à importer.");
  });

  it('ignores a leading byte-order mark, as an editor shows the file without it', () => {
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ a: 1 });
    expect(refusal('\uFEFF{"a": x}').message).toMatch(/ligne 1, colonne 7/);
  });

  it('names the file as asked', () => {
    expect(() => parseJsonText('{', 'Le référentiel')).toThrow(/^Le référentiel est incomplet/);
  });

  it('words the fault itself: JSON.parse is not even called on a broken file, so no browser’s English shows', () => {
    const parse = vi.spyOn(JSON, 'parse').mockImplementation(() => {
      throw new SyntaxError('JSON.parse: unexpected character at line 1 column 2 of the JSON data');
    });
    expect(refusal('{"a": c}').message).toBe(invalid('ligne 1, colonne 7', '« c » n’est pas une valeur JSON (attendu true, false, null, un nombre, un texte entre guillemets, une liste ou un objet)'));
    expect(parse).not.toHaveBeenCalled();
  });
});

describe('nesting', () => {
  const nested = (depth: number, inner = '') => '['.repeat(depth) + inner + ']'.repeat(depth);
  const tooDeep = (where: string) => `Le fichier imbrique plus de ${MAX_JSON_DEPTH} niveaux de listes ou d'objets (${where}) : aucune sauvegarde ni aucun référentiel Grille n'en a autant, il n'est pas importé.`;

  it('refuses 100 000 nested lists with its own message, before JSON.parse and without a stack overflow', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const error = refusal(nested(100_000));
    expect(error.code).toBe('too-deep');
    expect(error.message).toBe(tooDeep(`ligne 1, colonne ${MAX_JSON_DEPTH + 1}`));
    expect(parse).not.toHaveBeenCalled();
    expect(refusal('{"a":'.repeat(100_000)).code).toBe('too-deep');
  });

  it(`accepts ${MAX_JSON_DEPTH} levels, refuses ${MAX_JSON_DEPTH + 1}`, () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(() => parseJsonText(nested(MAX_JSON_DEPTH, '1'))).not.toThrow();
    expect(refusal(nested(MAX_JSON_DEPTH + 1)).code).toBe('too-deep');
    const objects = (depth: number) => '{"k":'.repeat(depth) + '1' + '}'.repeat(depth);
    expect(() => parseJsonText(objects(MAX_JSON_DEPTH))).not.toThrow();
    expect(refusal(objects(MAX_JSON_DEPTH + 1)).code).toBe('too-deep');
  });

  it('does not count brackets inside texts, escaped quotes and backslashes included', () => {
    const text = JSON.stringify({ note: '['.repeat(1000) + '\\"{{{' + '"\\', list: [['"[[["']] });
    expect(parseJsonText(text)).toEqual(JSON.parse(text));
  });
});

describe('forbidden keys', () => {
  it('refuses __proto__ anywhere, named by its path, even written with an escape', () => {
    const error = refusal('{"data": {"evaluations": [{"id": "e1"}, {"\\u005f_proto__": {"polluted": true}}]}}');
    expect(error.code).toBe('forbidden-key');
    expect(error.message).toBe("Le fichier contient une clé interdite (« __proto__ », en data.evaluations[1].__proto__, ligne 1, colonne 42) : il a pu être fabriqué pour nuire, il n'est pas importé.");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps « constructor » in a backup (a history value may hold it), refuses it and « prototype » where asked', () => {
    expect(parseJsonText('{"before": {"constructor": 1}}')).toEqual({ before: { constructor: 1 } });
    const error = refusal('{"blocs": [{"id": "b1", "constructor": {}}]}', { forbiddenKeys: PROTOTYPE_CHAIN_KEYS });
    expect(error.message).toBe("Le fichier contient une clé interdite (« constructor », en blocs[0].constructor, ligne 1, colonne 25) : il a pu être fabriqué pour nuire, il n'est pas importé.");
    expect(refusal('{"prototype": 1}', { forbiddenKeys: PROTOTYPE_CHAIN_KEYS }).message).toMatch(/« prototype », en prototype,/);
  });

  it('does not mistake a value for a key', () => {
    expect(parseJsonText('{"note": "__proto__", "list": ["constructor"]}', 'Le fichier', { forbiddenKeys: PROTOTYPE_CHAIN_KEYS })).toEqual({ note: '__proto__', list: ['constructor'] });
  });
});

describe('accepts exactly what JSON.parse accepts', () => {
  const base = JSON.stringify(
    { a: [1, -2.5e3, 0, 0.5, 1e-7, true, false, null, 'x\n"\\\u00e9\u2028'], b: { c: { d: [] }, e: {} }, 'k\u00e9': '\u{1F642}', s: '\\u0041' },
    null,
    1,
  );
  const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '\r', '\t', 'a', '0', '1', '-', '.', 'e', 'E', '+', 't', 'n', 'u', "'", '/', '\u00a0', '\u0001', '\uFEFF', 'x'];

  it('on 20 000 broken variants of a valid file (seeded), and words every refusal in French', () => {
    let state = 20250312;
    const rand = (n: number) => ((state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) % n);
    let refused = 0;
    const disagreements: string[] = [];
    const badMessages: string[] = [];
    const FRENCH = /^Le fichier (n'est pas un JSON valide, ligne \d+, colonne \d+ : |est incomplet|est vide)/;
    const ENGINE_WORDS = /Unexpected|JSON\.parse|position|token/;
    for (let k = 0; k < 20_000; k++) {
      let text = base;
      for (let j = 1 + rand(3); j > 0; j--) {
        const p = rand(text.length + 1);
        const c = alphabet[rand(alphabet.length)]!;
        const op = rand(3);
        text = op === 0 ? text.slice(0, p) + c + text.slice(p) : op === 1 ? text.slice(0, p) + text.slice(p + 1) : text.slice(0, p) + c + text.slice(p + 1);
      }
      if (rand(10) === 0) text = text.slice(0, rand(text.length));
      let engine = true;
      try {
        JSON.parse(text);
      } catch {
        engine = false;
      }
      // Disagreements and bad wordings are collected and checked once: twenty thousand expect()
      // calls would cost more than the scans themselves on a busy machine.
      if ((scanJson(text) === null) !== engine) disagreements.push(text);
      if (!engine) {
        refused++;
        const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        if (body !== text && scanJson(body) === null) continue;
        let message = `accepté : ${text}`;
        try {
          parseJsonText(text);
        } catch (error) {
          message = error instanceof ImportError ? error.message : `${String(error)} (pas une ImportError)`;
        }
        if (!FRENCH.test(message) || ENGINE_WORDS.test(message)) badMessages.push(message);
      }
    }
    expect(disagreements).toEqual([]);
    expect(badMessages).toEqual([]);
    expect(refused).toBeGreaterThan(10_000);
  });
});

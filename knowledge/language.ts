import type { Lang } from './schema.ts';

/**
 * Which language a question is in, as far as `/dbadvice` needs to know: English, Korean, or
 * another one it does not answer in. Scripts decide most cases (kana is Japanese, Han without
 * Hangul is Chinese or Japanese, Cyrillic, Arabic…); Latin-script languages are told from English
 * by their short function words, which English questions never use two of.
 */
export type QuestionLanguage = Lang | 'other';

const HANGUL = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/;
const KANA = /[\u3040-\u30ff\u31f0-\u31ff]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
/** Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai and other scripts no English question is written in. */
const OTHER_SCRIPT = /[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f]/u;

/**
 * Function words of Spanish, French, Portuguese, Italian and German that are not English words
 * (and not service names or SQL keywords): `la base de datos para`, `une base de données pour`.
 */
const FOREIGN_WORDS = new Set(
  // Spanish
  (
    'el una unos para como cómo qué cuál dónde donde cuándo necesitamos necesito tenemos usar usamos debería ' +
    'datos mejor muy pero también porque sobre entre nuestro nuestra nuestros está están ' +
    // French
    'le les une avec sont nous notre nos quelle quel faut données dans sur aussi très mais ' +
    'pourquoi comment besoin utiliser qui que ' +
    // Portuguese
    'uma não nossa nosso precisamos preciso dados qual quais melhor também ' +
    // Italian
    'il gli della delle che sono abbiamo nostro nostra quale dati ' +
    // German
    'der und ist nicht ein eine einen für wir unsere welche welcher brauchen daten sollten auch'
  ).split(' '),
);
/** Letters English words do not carry. */
const FOREIGN_LETTERS = /[ñçãõßäöüàèìòùâêîôûéíóúœ]/;

export function detectLanguage(text: string): QuestionLanguage {
  if (HANGUL.test(text)) return 'ko';
  if (KANA.test(text) || HAN.test(text) || OTHER_SCRIPT.test(text)) return 'other';
  // Inverted question and exclamation marks open Spanish sentences and nothing else.
  if (/[¿¡]/.test(text)) return 'other';
  const words =
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}]+/gu) ?? [];
  const foreign = words.filter((w) => FOREIGN_WORDS.has(w)).length;
  const letters = words.some((w) => FOREIGN_LETTERS.test(w)) ? 1 : 0;
  // Two foreign function words (or one and an accented letter) in a short question is not English.
  return foreign + letters >= 2 && foreign >= 1 ? 'other' : 'en';
}

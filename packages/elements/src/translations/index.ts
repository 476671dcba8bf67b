/** Every built-in translation, keyed by language. */
import da from './da.js';
import de from './de.js';
import en from './en.js';
import fi from './fi.js';
import nb from './nb.js';
import sv from './sv.js';
import type { Translation } from './translation.js';

export type { Translation } from './translation.js';

export const translations: Readonly<Record<string, Translation>> = { en, sv, fi, da, nb, de, no: nb, nn: nb };

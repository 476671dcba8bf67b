import { describe, expect, it } from 'vitest';
import { ORDER_LOCALES, orderTranslations, resolveOrderLocale, statusLabel } from '@kustom/sdk';

describe('statusLabel and translations', () => {
  it('labels every status in the six portal languages', () => {
    expect(statusLabel('PART_CAPTURED', 'sv-SE')).toBe('Delvis debiterad');
    expect(statusLabel('CAPTURED', 'fi')).toBe('Veloitettu');
    expect(statusLabel('CANCELLED', 'da-DK')).toBe('Annulleret');
    expect(statusLabel('EXPIRED', 'nb')).toBe('Utløpt');
    expect(statusLabel('AUTHORIZED', 'de-DE')).toBe('Autorisiert');
    expect(statusLabel('CLOSED', 'en-GB')).toBe('Closed');
  });

  it('falls back to English, and Norwegian to Bokmål', () => {
    expect(resolveOrderLocale('fr-FR')).toBe('en');
    expect(resolveOrderLocale(undefined)).toBe('en');
    expect(resolveOrderLocale('')).toBe('en');
    expect(resolveOrderLocale('toString')).toBe('en');
    expect(resolveOrderLocale('no')).toBe('nb');
    expect(resolveOrderLocale('nn-NO')).toBe('nb');
    expect(resolveOrderLocale('SV_se')).toBe('sv');
    expect(statusLabel('EXPIRED', 'xx')).toBe('Expired');
  });

  it('has every string, different from English, in every language', () => {
    const en = orderTranslations.en;
    for (const locale of ORDER_LOCALES) {
      const t = orderTranslations[locale];
      for (const group of ['status', 'action', 'reason', 'event'] as const) {
        expect(Object.keys(t[group]).sort()).toEqual(Object.keys(en[group]).sort());
        for (const value of Object.values(t[group])) expect(value.trim()).not.toBe('');
        if (locale !== 'en') expect(t[group]).not.toEqual(en[group]);
      }
    }
  });
});

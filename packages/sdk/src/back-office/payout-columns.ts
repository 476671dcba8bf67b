/** The columns of the settlements (payouts) export. */
import type { Payout, PayoutTotals } from '../schemas/index.js';
import type { ColumnDef, ColumnTable } from './columns.js';
import type { Translated } from './languages.js';

const text = (header: Translated, get: (payout: Payout) => string | undefined): ColumnDef<Payout> => ({ header, kind: 'text', get });
const total = (header: Translated, key: keyof PayoutTotals): ColumnDef<Payout> => ({
  header,
  kind: 'amount',
  get: (payout) => payout.totals?.[key],
  field: `totals.${key}`,
});

const PAYOUT_COLUMN_DEFS = {
  payout_date: {
    header: { en: 'Payout date', sv: 'Utbetalningsdatum', fi: 'Maksupäivä', da: 'Udbetalingsdato', nb: 'Utbetalingsdato', de: 'Auszahlungsdatum' },
    kind: 'date',
    get: (p) => p.payout_date,
  },
  payment_reference: text(
    { en: 'Payment reference', sv: 'Betalningsreferens', fi: 'Maksuviite', da: 'Betalingsreference', nb: 'Betalingsreferanse', de: 'Zahlungsreferenz' },
    (p) => p.payment_reference,
  ),
  merchant_id: text({ en: 'Merchant ID', sv: 'Handlar-ID', fi: 'Kauppiastunnus', da: 'Forhandler-ID', nb: 'Forhandler-ID', de: 'Händler-ID' }, (p) => p.merchant_id),
  currency_code: text({ en: 'Currency', sv: 'Valuta', fi: 'Valuutta', da: 'Valuta', nb: 'Valuta', de: 'Währung' }, (p) => p.currency_code?.toUpperCase()),
  merchant_settlement_type: text(
    { en: 'Settlement type', sv: 'Avräkningstyp', fi: 'Tilitystyyppi', da: 'Afregningstype', nb: 'Oppgjørstype', de: 'Abrechnungsart' },
    (p) => p.merchant_settlement_type,
  ),
  settlement_amount: total({ en: 'Payout amount', sv: 'Utbetalt belopp', fi: 'Maksettu summa', da: 'Udbetalt beløb', nb: 'Utbetalt beløp', de: 'Auszahlungsbetrag' }, 'settlement_amount'),
  sale_amount: total({ en: 'Sales', sv: 'Försäljning', fi: 'Myynti', da: 'Salg', nb: 'Salg', de: 'Umsatz' }, 'sale_amount'),
  commission_amount: total({ en: 'Commission', sv: 'Provision', fi: 'Provisio', da: 'Provision', nb: 'Provisjon', de: 'Provision' }, 'commission_amount'),
  fee_amount: total({ en: 'Fees', sv: 'Avgifter', fi: 'Maksut', da: 'Gebyrer', nb: 'Gebyrer', de: 'Gebühren' }, 'fee_amount'),
  fee_correction_amount: total(
    { en: 'Fee corrections', sv: 'Avgiftskorrigeringar', fi: 'Maksujen korjaukset', da: 'Gebyrkorrektioner', nb: 'Gebyrkorrigeringer', de: 'Gebührenkorrekturen' },
    'fee_correction_amount',
  ),
  fee_refund_amount: total(
    { en: 'Fee refunds', sv: 'Återbetalda avgifter', fi: 'Maksujen palautukset', da: 'Refunderede gebyrer', nb: 'Refunderte gebyrer', de: 'Gebührenerstattungen' },
    'fee_refund_amount',
  ),
  return_amount: total({ en: 'Returns', sv: 'Returer', fi: 'Palautukset', da: 'Returneringer', nb: 'Returer', de: 'Retouren' }, 'return_amount'),
  reversal_amount: total({ en: 'Reversals', sv: 'Återföringar', fi: 'Peruutukset', da: 'Tilbageførsler', nb: 'Tilbakeføringer', de: 'Stornierungen' }, 'reversal_amount'),
  repay_amount: total({ en: 'Repayments', sv: 'Återbetalningar', fi: 'Takaisinmaksut', da: 'Tilbagebetalinger', nb: 'Tilbakebetalinger', de: 'Rückzahlungen' }, 'repay_amount'),
  holdback_amount: total({ en: 'Holdback', sv: 'Innehållet belopp', fi: 'Pidätys', da: 'Tilbageholdt beløb', nb: 'Tilbakeholdt beløp', de: 'Einbehalt' }, 'holdback_amount'),
  release_amount: total(
    { en: 'Released holdback', sv: 'Frisläppt belopp', fi: 'Vapautettu pidätys', da: 'Frigivet beløb', nb: 'Frigitt beløp', de: 'Freigegebener Einbehalt' },
    'release_amount',
  ),
  charge_amount: total({ en: 'Charges', sv: 'Debiteringar', fi: 'Veloitukset', da: 'Debiteringer', nb: 'Belastninger', de: 'Belastungen' }, 'charge_amount'),
  credit_amount: total({ en: 'Credits', sv: 'Krediteringar', fi: 'Hyvitykset', da: 'Krediteringer', nb: 'Krediteringer', de: 'Gutschriften' }, 'credit_amount'),
  tax_amount: total({ en: 'Tax', sv: 'Moms', fi: 'Arvonlisävero', da: 'Moms', nb: 'MVA', de: 'Steuer' }, 'tax_amount'),
  tax_refund_amount: total(
    { en: 'Tax refunds', sv: 'Återbetald moms', fi: 'Veronpalautukset', da: 'Refunderet moms', nb: 'Refundert MVA', de: 'Steuererstattungen' },
    'tax_refund_amount',
  ),
  deposit_amount: total({ en: 'Deposit', sv: 'Deposition', fi: 'Talletus', da: 'Depositum', nb: 'Depositum', de: 'Kaution' }, 'deposit_amount'),
  opening_debt_balance_amount: total(
    { en: 'Opening debt balance', sv: 'Ingående skuldsaldo', fi: 'Velan alkusaldo', da: 'Indgående gældssaldo', nb: 'Inngående gjeldssaldo', de: 'Anfangsschuldsaldo' },
    'opening_debt_balance_amount',
  ),
  closing_debt_balance_amount: total(
    { en: 'Closing debt balance', sv: 'Utgående skuldsaldo', fi: 'Velan loppusaldo', da: 'Udgående gældssaldo', nb: 'Utgående gjeldssaldo', de: 'Endschuldsaldo' },
    'closing_debt_balance_amount',
  ),
} satisfies Record<string, ColumnDef<Payout>>;

/** A column of the settlements export. */
export type PayoutColumn = keyof typeof PAYOUT_COLUMN_DEFS;

/** Every payout column; also the default of `payoutsToCsv`. */
export const PAYOUT_COLUMNS = Object.keys(PAYOUT_COLUMN_DEFS) as readonly PayoutColumn[];

export const PAYOUT_TABLE: ColumnTable<Payout, PayoutColumn> = {
  source: 'payouts',
  columns: PAYOUT_COLUMN_DEFS,
  currency: (payout) => payout.currency_code,
  currencyField: 'currency_code',
};

// The JavaScript stack intake is compared with: the same profiles (Atoa, Juicyway, a
// Paydock card record) written as a JS developer would without intake, with zod (the
// shape), validator.js (email), libphonenumber-js with its full ("max") metadata (valid
// for the region, as intake's libphonenumber rule) and card-validator (Luhn, brand, CVV).
//
// It validates; it does not normalize (no trimming, NFC, E.164, case folding, defaults)
// and gives no warnings. zod returns a copy of the object without unknown keys.
import { z } from 'zod';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import isEmail from 'validator/lib/isEmail.js';
import cardValidator from 'card-validator';

const TODAY = { year: 2026, month: 11 }; // the fixtures' "today", 2026-11-22

const notBlank = (s) => s.trim().length > 0;
const oneOf = (...values) => (s) => values.some((v) => v.toLowerCase() === s.trim().toLowerCase());
const email = () => z.string().refine((s) => isEmail(s), 'email');

const intl = (s) => s.trim().replace(/^00/, '+');
export function atoaPhoneOk(code, number) {
  if (code == null && number == null) return true;
  if (code != null && number != null) {
    const c = code.replace(/^\+/, '');
    return /^[0-9]{1,5}$/.test(c) && isValidPhoneNumber(`+${c} ${number}`);
  }
  if (code == null) return /^\s*(\+|00)/.test(number) && isValidPhoneNumber(intl(number));
  return false;
}

export function gbVatOk(s) {
  const t = s.trim().replace(/^gb/i, '');
  return /^[0-9 .-]+$/.test(t) && t.replace(/[ .-]/g, '').length === 9;
}

const COUNTRIES = new Set(
  // ISO 3166-1 alpha-2 codes officially assigned (249), as intake's isocountry table.
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ '
  + 'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO '
  + 'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE '
  + 'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO '
  + 'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW '
  + 'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM '
  + 'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '));
const ALPHA3 = new Set(['NGA', 'GBR', 'USA', 'AUS', 'DEU', 'FRA', 'IRL', 'CAN', 'NZL', 'ZAF', 'KEN', 'GHA', 'IND']);
const country = () => z.string().refine((s) => COUNTRIES.has(s.trim().toUpperCase()) || ALPHA3.has(s.trim().toUpperCase()), 'country');

export const atoa = z.object({
  fullName: z.string().min(2).max(30).refine(notBlank),
  email: email().nullish(),
  type: z.string().refine(oneOf('INDIVIDUAL', 'BUSINESS')).nullish(),
  phoneCountryCode: z.string().nullish(),
  phoneNumber: z.string().nullish(),
  address: z.string().max(100).nullish(),
  city: z.string().max(30).nullish(),
  postcode: z.string().regex(/^[A-Za-z0-9 ]{4,8}$/).nullish(),
  vatNumber: z.string().refine(gbVatOk, 'vat').nullish(),
}).superRefine((r, ctx) => {
  if (r.email == null && r.phoneNumber == null && r.phoneCountryCode == null) {
    ctx.addIssue({ code: 'custom', path: [], message: 'email or phone required' });
  }
  if (!atoaPhoneOk(r.phoneCountryCode ?? null, r.phoneNumber ?? null)) {
    ctx.addIssue({ code: 'custom', path: ['phoneNumber'], message: 'phone' });
  }
});

const required = (max) => z.string().min(1).max(max).refine(notBlank);
export const juicyway = z.object({
  first_name: required(255),
  last_name: required(255),
  email: email(),
  phone: z.string(),
  type: z.string().refine(oneOf('individual', 'business')),
  billing_address: z.object({
    line1: required(255),
    line2: z.string().max(255).nullish(),
    city: required(255),
    state: required(255),
    zip_code: required(255),
    country: country(),
  }),
}).superRefine((r, ctx) => {
  if (!isValidPhoneNumber(r.phone, r.billing_address.country.trim().toUpperCase())) {
    ctx.addIssue({ code: 'custom', path: ['phone'], message: 'phone' });
  }
});

export function expiryOk(month, year) {
  if (!/^[0-9]{1,2}$/.test(month.trim()) || !/^([0-9]{2}|[0-9]{4})$/.test(year.trim())) return false;
  const m = Number(month);
  let y = Number(year);
  if (year.trim().length === 2) y += 2000;
  const at = y * 12 + m;
  return m >= 1 && m <= 12 && at >= TODAY.year * 12 + TODAY.month && at <= (TODAY.year + 20) * 12 + TODAY.month;
}

const optional = (max) => z.string().max(max).nullish();
export const paydockCard = z.object({
  reference: optional(255),
  description: optional(10000),
  company_name: optional(255),
  first_name: z.string().min(1).max(255).nullish(),
  last_name: z.string().min(1).max(255).nullish(),
  email: email().nullish(),
  phone: z.string().refine((s) => s.startsWith('+') && isValidPhoneNumber(s)).nullish(),
  default_source: z.string().regex(/^[0-9a-fA-F]{24}$/).nullish(),
  payment_source: z.object({
    type: z.string().refine(oneOf('card')),
    gateway_id: z.string().regex(/^[0-9a-fA-F]{24}$/),
    card_name: required(255),
    card_number: z.string().refine((s) => cardValidator.number(s).isValid, 'card number'),
    expire_month: z.string(),
    expire_year: z.string(),
    card_ccv: z.string().regex(/^[0-9]{3,4}$/).nullish(),
    address_line1: optional(255),
    address_line2: optional(255),
    address_city: optional(255),
    address_state: optional(255),
    address_postcode: optional(255),
    address_country: country().nullish(),
  }).superRefine((s, ctx) => {
    if (!expiryOk(s.expire_month, s.expire_year)) ctx.addIssue({ code: 'custom', path: ['expire_month'], message: 'expiry' });
    const card = cardValidator.number(s.card_number);
    if (s.card_ccv != null && card.card && !cardValidator.cvv(s.card_ccv, card.card.code.size).isValid) {
      ctx.addIssue({ code: 'custom', path: ['card_ccv'], message: 'cvv' });
    }
  }),
});

export const schemas = { atoa, juicyway, paydock_card: paydockCard };

/** Validates one record: `{ valid, errors }`, errors as zod issues. */
export function validate(provider, record) {
  const r = schemas[provider].safeParse(record);
  return r.success ? { valid: true, value: r.data } : { valid: false, errors: r.error.issues };
}

/** One field as a form checks it (the whole value, not partial): `{ valid }`. */
export const fields = {
  'atoa/email': (v) => isEmail(v),
  'atoa/postcode': (v) => /^[A-Za-z0-9 ]{4,8}$/.test(v),
  'atoa/vatNumber': gbVatOk,
  'juicyway/phone': (v) => isValidPhoneNumber(v),
  'paydock/payment_source/card_number': (v) => cardValidator.number(v).isValid,
};
export function checkField(key, value) {
  return { valid: fields[key](value) };
}

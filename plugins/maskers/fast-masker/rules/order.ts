import type { MaskRule } from '../rule.js';
import { accountLabelled } from './account-labelled.js';
import { bankAccount } from './bank-account.js';
import { carPlate } from './car-plate.js';
import { creditCard } from './credit-card.js';
import { dateNumbers } from './date-numbers.js';
import { dateWords } from './date-words.js';
import { documentAfterCapital, documentLabelled } from './document-labelled.js';
import { email } from './email.js';
import { emailAtInBrackets, emailAtInParens, emailSpacedAt } from './email-written.js';
import { deSteuerId, esDni, esNie, frNir, itCodiceFiscale } from './eu-national-ids.js';
import { euVat } from './eu-vat.js';
import { healthId } from './health-id.js';
import { idCard } from './id-card.js';
import { invoiceNumber } from './invoice-number.js';
import { ipAddress } from './ip-address.js';
import { jwt } from './jwt.js';
import { krs } from './krs.js';
import { macAddress } from './mac-address.js';
import { money } from './money.js';
import { nip } from './nip.js';
import { nrb } from './nrb.js';
import { orderNumber } from './order-number.js';
import { passport } from './passport.js';
import { pesel } from './pesel.js';
import { peselTagged } from './pesel-tagged.js';
import { phone } from './phone.js';
import { phoneInternational } from './phone-international.js';
import { phoneNanp } from './phone-nanp.js';
import { phoneNational } from './phone-national.js';
import { postalCode } from './postal-code.js';
import { regon } from './regon.js';
import { simCard } from './sim-card.js';
import { socialId } from './social-id.js';
import { sslCert } from './ssl-cert.js';
import { ssn } from './ssn.js';
import { ssnTagged } from './ssn-tagged.js';
import { time } from './time.js';
import { transactionRef } from './transaction-ref.js';
import { chAhv, ukNhs, ukNino } from './uk-ch-ids.js';
import { url, urlBare, urlWww } from './url.js';
import { vin } from './vin.js';

/**
 * The order is the design: addresses and links first (they contain digits and dots), then identifiers a
 * checksum proves (IBAN, NRB, cards, PESEL, NIP, REGON, VIN), then labelled and fixed-format ones, and the
 * loosest patterns (dates, times, phones, postal codes, plates) last, so they only see what is left.
 */
export const RULES: readonly MaskRule[] = [
  // A link before the e-mail rules: credentials in it (`ftp://jan:haslo@host`) are the link's, not half an address.
  url,
  email,
  emailSpacedAt,
  emailAtInParens,
  emailAtInBrackets,
  urlWww,
  urlBare,
  macAddress,
  ipAddress,
  jwt,
  bankAccount,
  nrb,
  simCard,
  creditCard,
  // An account number after its label before phones: `acct no. 93 007 2853754` is no call to +7.
  accountLabelled,
  phoneInternational,
  peselTagged,
  pesel,
  nip,
  regon,
  euVat,
  esDni,
  esNie,
  frNir,
  itCodiceFiscale,
  deSteuerId,
  chAhv,
  ukNino,
  ukNhs,
  vin,
  krs,
  ssn,
  ssnTagged,
  healthId,
  invoiceNumber,
  orderNumber,
  transactionRef,
  socialId,
  idCard,
  passport,
  documentLabelled,
  documentAfterCapital,
  sslCert,
  money,
  dateWords,
  dateNumbers,
  time,
  phoneNanp,
  phone,
  phoneNational,
  postalCode,
  carPlate,
];

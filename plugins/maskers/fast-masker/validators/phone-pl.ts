// Polish numbering plan (UKE): mobile ranges, geographic area codes (59 is Słupsk), VoIP 39, special 47,
// premium 70, toll-free and shared-cost 80. A 9-digit number outside these is not a Polish phone number.
const PREFIXES = new Set([
  '45', '50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88',
  '12', '13', '14', '15', '16', '17', '18', '22', '23', '24', '25', '29', '32', '33', '34', '41', '42', '43', '44',
  '46', '48', '52', '54', '55', '56', '58', '59', '61', '62', '63', '65', '67', '68', '71', '74', '75', '76', '77',
  '81', '82', '83', '84', '85', '86', '87', '89', '91', '94', '95',
  '39', '47', '70', '80',
]);

export function isPolishPhoneNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{9}$/.test(digits) && PREFIXES.has(digits.slice(0, 2));
}

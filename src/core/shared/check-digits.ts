/**
 * Check digits of the codes tables hold: ISSN and ISBN-10 (mod 11, "X" for 10), GTIN (EAN-8, UPC-A, EAN-13 and
 * ISBN-13, GTIN-14: mod 10 with weights 3 and 1 from the right), Luhn (payment cards, IMEI) and the vehicle
 * identification number (VIN, ISO 3779 as North America requires it: 17 letters and digits, its 9th character the
 * check, mod 11 with "X" for 10, letters read as digits). A code is its digits with hyphens and spaces removed; a
 * scheme's last character is the check, the VIN's ninth.
 */

export type CheckDigitScheme = 'ISSN' | 'ISBN-10' | 'GTIN' | 'Luhn' | 'VIN';

/** Characters of a VIN: 17 letters and digits, I, O and Q never among them (a letter for a digit is lookalike-character's). */
const VIN = /^[A-Z0-9]{17}$/;

/**
 * A code as its check reads it: its digits (hyphens and white space removed; a final "X" kept), or a VIN's 17 letters
 * and digits (in capitals; letters and digits both); undefined when it is neither.
 */
export function codeDigits(text: string): string | undefined {
  const code = text.replace(/[-\s]/g, '').toUpperCase();
  if (/^\d+X?$/.test(code) && code.length >= 2) return code;
  return VIN.test(code) && /\d/.test(code) && /[A-Z]/.test(code) ? code : undefined;
}

/** Where a scheme's check character stands in a code: the VIN's ninth, the others' last. */
export function checkIndex(scheme: CheckDigitScheme, code: string): number {
  return scheme === 'VIN' ? 8 : code.length - 1;
}

/** The numbers a VIN's letters are read as (ISO 3779): I, O and Q are none. */
const VIN_LETTERS: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9 };
/** The weight of each of a VIN's characters (the check's, the ninth, weighs nothing). */
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** A VIN's check character from its other characters, or undefined where one is no character a VIN holds. */
function vinCheck(code: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = code[i];
    const value = ch >= '0' && ch <= '9' ? Number(ch) : VIN_LETTERS[ch];
    if (value === undefined) return undefined;
    sum += value * VIN_WEIGHTS[i];
  }
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

/** The schemes a code of `length` characters may follow (a VIN's 17 characters hold letters: `letters`). */
export function schemesOfLength(length: number, letters = false): CheckDigitScheme[] {
  if (letters) return length === 17 ? ['VIN'] : [];
  const out: CheckDigitScheme[] = [];
  if (length === 8) out.push('ISSN');
  if (length === 10) out.push('ISBN-10');
  if (length === 8 || (length >= 12 && length <= 14)) out.push('GTIN');
  if (length >= 8) out.push('Luhn');
  return out;
}

/** The check character `scheme` gives the code's other characters (all but the check), or undefined where they are not digits (a VIN: characters of its own). */
export function expectedCheck(scheme: CheckDigitScheme, code: string): string | undefined {
  if (scheme === 'VIN') return code.length === 17 ? vinCheck(code) : undefined;
  const body = code.slice(0, -1);
  if (!/^\d+$/.test(body)) return undefined;
  const digits = [...body].map(Number);
  switch (scheme) {
    case 'ISSN':
    case 'ISBN-10': {
      // Weights from the body's length + 1 down to 2.
      const sum = digits.reduce((s, d, i) => s + d * (digits.length + 1 - i), 0);
      const check = (11 - (sum % 11)) % 11;
      return check === 10 ? 'X' : String(check);
    }
    case 'GTIN': {
      // From the right of the body: 3, 1, 3, …
      const sum = digits.reduceRight((s, d, i) => s + d * ((digits.length - 1 - i) % 2 === 0 ? 3 : 1), 0);
      return String((10 - (sum % 10)) % 10);
    }
    case 'Luhn': {
      // From the right of the body: doubled, as is, doubled, … (digits of a doubled value added).
      const sum = digits.reduceRight((s, d, i) => {
        if ((digits.length - 1 - i) % 2 !== 0) return s + d;
        const doubled = 2 * d;
        return s + (doubled > 9 ? doubled - 9 : doubled);
      }, 0);
      return String((10 - (sum % 10)) % 10);
    }
  }
}

/** Whether a code's check character (its last; a VIN's ninth) is the check `scheme` gives the rest. */
export function passesCheck(scheme: CheckDigitScheme, code: string): boolean {
  return expectedCheck(scheme, code) === code[checkIndex(scheme, code)];
}

/**
 * Check digits of the codes tables hold: ISSN and ISBN-10 (mod 11, "X" for 10), GTIN (EAN-8, UPC-A, EAN-13 and
 * ISBN-13, GTIN-14: mod 10 with weights 3 and 1 from the right) and Luhn (payment cards, IMEI). A code is its digits
 * with hyphens and spaces removed; a scheme's last character is the check.
 */

export type CheckDigitScheme = 'ISSN' | 'ISBN-10' | 'GTIN' | 'Luhn';

/** Digits of a code (hyphens and white space removed; a final "X" kept), or undefined when it holds anything else. */
export function codeDigits(text: string): string | undefined {
  const code = text.replace(/[-\s]/g, '').toUpperCase();
  return /^\d+X?$/.test(code) && code.length >= 2 ? code : undefined;
}

/** The schemes a code of `length` characters may follow. */
export function schemesOfLength(length: number): CheckDigitScheme[] {
  const out: CheckDigitScheme[] = [];
  if (length === 8) out.push('ISSN');
  if (length === 10) out.push('ISBN-10');
  if (length === 8 || (length >= 12 && length <= 14)) out.push('GTIN');
  if (length >= 8) out.push('Luhn');
  return out;
}

/** The check character `scheme` gives the code's other characters (all but the last), or undefined where they are not digits. */
export function expectedCheck(scheme: CheckDigitScheme, code: string): string | undefined {
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

/** Whether a code's last character is the check `scheme` gives the rest. */
export function passesCheck(scheme: CheckDigitScheme, code: string): boolean {
  return expectedCheck(scheme, code) === code.slice(-1);
}

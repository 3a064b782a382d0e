/** Columns whose name says they identify rows (never treated as measurements): the rules and training agree on this. */
export function looksLikeIdentifier(name: string): boolean {
  return /(^|[_\s.-])(id|key|uuid|guid|code|zip|zipcode|postcode|phone)$/i.test(name.trim()) || /^(id|key|index|row|#)$/i.test(name.trim()) || /(Id|ID|Key)$/.test(name.trim());
}

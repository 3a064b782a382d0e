/** Whether a column's name says it is its rows' identity: an id, a key (`id`, `order_id`, `customerId`, `uuid`, `#`). */
export function namesRowIdentity(name: string): boolean {
  const trimmed = name.trim();
  return /(^|[_\s.-])(id|key|uuid|guid)$/i.test(trimmed) || /^(id|key|index|row|#)$/i.test(trimmed) || /(Id|ID|Key)$/.test(trimmed);
}

/**
 * Columns whose name says they identify rows or things (never treated as measurements): an id, or a code that
 * identifies one (a zip code, a phone number, a book's ISBN, a product's EAN or SKU, a vehicle's VIN, an account's
 * IBAN, with or without its length: "isbn13"). The rules and training agree on this.
 */
export function looksLikeIdentifier(name: string): boolean {
  return namesRowIdentity(name) || /(^|[_\s.-])(code|zip|zipcode|postcode|phone|isbn|issn|ean|upc|gtin|sku|vin|iban)[_-]?\d*$/i.test(name.trim());
}

/**
 * Names the world writes several ways, from maintained public lists: countries (ISO 3166-1: two- and three-letter
 * codes and English names with their common forms, from i18n-iso-countries: "US", "USA", "U.S.A.", "United States",
 * "United States of America") and languages (ISO 639-1: two-letter codes, English and native names, from iso-639-1:
 * "fr", "French", "Français"). Each spelling is keyed by {@link categoryKey} (case, accents, dots aside); a spelling
 * two entities of a kind share ("Congo") names neither.
 */
import ISO6391 from 'iso-639-1';
import countryCodes from 'i18n-iso-countries/codes.json';
import englishCountryNames from 'i18n-iso-countries/langs/en.json';
import { categoryKey } from './category-key';

/** The kinds of names known. */
export type NameKind = 'country' | 'language';

/** An entity of a kind: its id (ISO code, upper case for countries, lower for languages) and its English name. */
export interface KnownEntity {
  kind: NameKind;
  id: string;
  name: string;
}

let spellings: Map<NameKind, Map<string, KnownEntity>> | undefined;

/** Adds `entity` under each of `names`; a key two entities claim is kept as `null` (it names neither). */
function addAll(into: Map<string, KnownEntity | null>, entity: KnownEntity, names: readonly string[]): void {
  for (const name of names) {
    const key = categoryKey(name);
    if (!key) continue;
    const held = into.get(key);
    if (held === undefined) into.set(key, entity);
    else if (held !== null && held.id !== entity.id) into.set(key, null);
  }
}

/** Without the spellings two entities share. */
function unambiguous(map: Map<string, KnownEntity | null>): Map<string, KnownEntity> {
  const out = new Map<string, KnownEntity>();
  for (const [key, entity] of map) if (entity) out.set(key, entity);
  return out;
}

function build(): Map<NameKind, Map<string, KnownEntity>> {
  const countries = new Map<string, KnownEntity | null>();
  const names: Record<string, string | string[]> = englishCountryNames.countries;
  for (const [alpha2, alpha3] of countryCodes) {
    const written = names[alpha2];
    if (written === undefined) continue;
    const forms = typeof written === 'string' ? [written] : written;
    addAll(countries, { kind: 'country', id: alpha2, name: forms[0] }, [alpha2, alpha3, ...forms]);
  }
  const languages = new Map<string, KnownEntity | null>();
  for (const code of ISO6391.getAllCodes()) {
    const name = ISO6391.getName(code);
    addAll(languages, { kind: 'language', id: code, name }, [code, name, ...name.split(/;\s*/), ISO6391.getNativeName(code)]);
  }
  return new Map([
    ['country', unambiguous(countries)],
    ['language', unambiguous(languages)],
  ]);
}

/** The entity of kind `kind` that `text` names, if it names one. */
export function knownEntity(kind: NameKind, text: string): KnownEntity | undefined {
  spellings ??= build();
  return spellings.get(kind)?.get(categoryKey(text));
}

/** The kinds of names known, in a fixed order. */
export const NAME_KINDS: readonly NameKind[] = ['country', 'language'];

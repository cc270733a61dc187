/**
 * News-agency names as copy prints them, and the readable form we store. Captions shout credits
 * in capitals ("[YONHAP]"); stored credits should read like names ("Yonhap") while acronyms that
 * are the agency's real name (AP, AFP, KUNA) stay as they are.
 */

const READABLE_BY_UPPERCASE: Readonly<Record<string, string>> = {
  YONHAP: 'Yonhap',
  'YONHAP NEWS AGENCY': 'Yonhap News Agency',
  AP: 'AP',
  'ASSOCIATED PRESS': 'Associated Press',
  'THE ASSOCIATED PRESS': 'The Associated Press',
  AFP: 'AFP',
  'AGENCE FRANCE-PRESSE': 'Agence France-Presse',
  REUTERS: 'Reuters',
  XINHUA: 'Xinhua',
  KYODO: 'Kyodo',
  'KYODO NEWS': 'Kyodo News',
  JIJI: 'Jiji',
  'JIJI PRESS': 'Jiji Press',
  EPA: 'EPA',
  'EPA-EFE': 'EPA-EFE',
  EFE: 'EFE',
  UPI: 'UPI',
  DPA: 'dpa',
  ANSA: 'ANSA',
  TASS: 'TASS',
  'RIA NOVOSTI': 'RIA Novosti',
  INTERFAX: 'Interfax',
  UKRINFORM: 'Ukrinform',
  ANADOLU: 'Anadolu',
  'ANADOLU AGENCY': 'Anadolu Agency',
  BERNAMA: 'Bernama',
  ANTARA: 'Antara',
  IANS: 'IANS',
  PTI: 'PTI',
  ANI: 'ANI',
  KUNA: 'KUNA',
  WAM: 'WAM',
  SPA: 'SPA',
  QNA: 'QNA',
  IRNA: 'IRNA',
  MENA: 'MENA',
  KCNA: 'KCNA',
  BLOOMBERG: 'Bloomberg',
  NEWS1: 'News1',
  NEWSIS: 'Newsis',
  'GETTY IMAGES': 'Getty Images',
};

/** Agency names recognised by themselves in running text ("according to Reuters"). */
export const KNOWN_AGENCY_NAMES: readonly string[] = [
  'The Associated Press',
  'Associated Press',
  'Agence France-Presse',
  'Reuters',
  'AFP',
  'AP',
  'Xinhua',
  'Kyodo News',
  'Kyodo',
  'Jiji Press',
  'Yonhap',
  'Anadolu Agency',
  'Anadolu',
  'Interfax',
  'TASS',
  'RIA Novosti',
  'Ukrinform',
  'Bernama',
  'Antara',
  'dpa',
  'EFE',
  'ANSA',
  'IANS',
  'PTI',
  'KUNA',
  'WAM',
  'UPI',
  'KCNA',
  'Bloomberg',
  'News1',
  'Newsis',
];

const KNOWN_AGENCY_KEYS = new Set(Object.keys(READABLE_BY_UPPERCASE));

export function isKnownAgency(name: string): boolean {
  return KNOWN_AGENCY_KEYS.has(name.trim().replace(/\s+/g, ' ').toUpperCase());
}

/**
 * The readable form of an agency name: known agencies by table; names already in mixed case as
 * printed; other all-caps names in title case, except short single words (4 letters or fewer),
 * which are far more often acronyms (KCNA, NHK) than words.
 */
export function readableAgencyName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  const known = READABLE_BY_UPPERCASE[name.toUpperCase()];
  if (known) return known;
  if (/\p{Ll}/u.test(name)) return name;
  if (!name.includes(' ') && name.replace(/[^\p{L}]/gu, '').length <= 4) return name;
  return titleCase(name);
}

/**
 * "ESTHER CHUNG" → "Esther Chung", "KIM TONG-HYUNG" → "Kim Tong-Hyung", "O'BRIEN" → "O'Brien".
 * Used only on text printed entirely in capitals, where the original casing is lost anyway.
 */
export function titleCase(text: string): string {
  const wordsCapitalized = text
    .toLowerCase()
    .replace(/(^|[\s\-/])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
  // A one-letter prefix before an apostrophe is an Irish/Italian name particle: O'Brien, D'Angelo.
  return wordsCapitalized.replace(
    /(^|[\s\-/])(\p{Lu})(['’])(\p{Ll})/gu,
    (_match, before: string, initial: string, apostrophe: string, letter: string) =>
      before + initial + apostrophe + letter.toUpperCase(),
  );
}

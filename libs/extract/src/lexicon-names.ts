/**
 * The gazetteer's names with their types: places, organisations, groups and nationalities, and
 * widely reported people, with an alias table. Data only: no logic.
 *
 * Lists are deliberately small and general (world countries, major cities, well-known
 * organisations). Nothing here is tuned to any particular article.
 */

import type { EntityType } from '@wirestream/contracts';

/** A gazetteer entry: every listed form resolves to `canonical` with `type`. */
export interface LexiconEntry {
  readonly canonical: string;
  readonly type: EntityType;
  /** Other surface forms that mean the same thing (the alias table). */
  readonly forms?: readonly string[];
}

const entries = (type: EntityType, names: string): LexiconEntry[] =>
  names
    .split('|')
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
    .map((canonical) => ({ canonical, type }));

/** Names with variants: the first form is canonical. */
const aliased = (type: EntityType, groups: readonly (readonly string[])[]): LexiconEntry[] =>
  groups.map(([canonical, ...forms]) => ({ canonical: canonical as string, type, forms }));

// ---------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------

const COUNTRIES = entries(
  'GPE',
  `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|
  Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
  Bosnia and Herzegovina|Bosnia|Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|
  Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|
  Democratic Republic of Congo|Democratic Republic of the Congo|Costa Rica|Croatia|Cuba|Cyprus|
  Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|
  Estonia|Eswatini|Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|
  Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|
  Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|
  Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|
  Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|
  Mongolia|Montenegro|Morocco|Mozambique|Namibia|Nauru|Nepal|New Zealand|Nicaragua|Niger|
  Nigeria|North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|
  Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Rwanda|Saint Lucia|Samoa|San Marino|
  Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|
  Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|
  Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkmenistan|Tuvalu|Uganda|
  Ukraine|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|England|Scotland|
  Wales|Northern Ireland|Hong Kong|Macau|Greenland|Puerto Rico|Korea|Yugoslavia|Czechoslovakia|Zaire|
  Chechnya|Crimea|Tibet|Xinjiang|Kashmir|Kurdistan|Catalonia|Gaza|Abkhazia|Transnistria|Donbas`,
);

/** Places with an alias table: the first form is canonical. */
const PLACE_ALIASES = aliased('GPE', [
  ['North Korea', 'DPRK', 'D.P.R.K.', "Democratic People's Republic of Korea"],
  ['South Korea', 'ROK', 'R.O.K.', 'Republic of Korea'],
  ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America'],
  ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'],
  ['United Arab Emirates', 'UAE', 'U.A.E.'],
  ['Russia', 'Russian Federation'],
  ['Turkey', 'Türkiye', 'Turkiye'],
  ['Myanmar', 'Burma'],
  ['Czech Republic', 'Czechia'],
  ['Netherlands', 'Holland', 'The Netherlands'],
  ['Ivory Coast', "Côte d'Ivoire", "Cote d'Ivoire"],
  ['East Timor', 'Timor-Leste'],
  ['Soviet Union', 'USSR', 'U.S.S.R.'],
  ['Kyiv', 'Kiev'],
  ['Odesa', 'Odessa'],
  ['Beijing', 'Peking'],
  ['Mumbai', 'Bombay'],
  ['Kolkata', 'Calcutta'],
  ['Yangon', 'Rangoon'],
  ['Ho Chi Minh City', 'Saigon'],
  ['Saint Petersburg', 'St Petersburg', 'St. Petersburg'],
  ['New York', 'New York City', 'NYC'],
  ['Washington', 'Washington D.C.', 'Washington, D.C.'],
]);

const CITIES = entries(
  'GPE',
  `Seoul|Busan|Pusan|Incheon|Daegu|Gwangju|Daejeon|Ulsan|Sejong|Suwon|Changwon|Pyongyang|Kaesong|Sinuiju|
  Wonsan|Tokyo|Osaka|Kyoto|Yokohama|Nagoya|Kobe|Hiroshima|Nagasaki|Sapporo|Fukuoka|Okinawa|Hokkaido|
  Shanghai|Shenzhen|Guangzhou|Wuhan|Chongqing|Tianjin|Nanjing|Dalian|Taipei|Moscow|Kharkiv|
  Mariupol|Donetsk|Luhansk|Minsk|Warsaw|Krakow|Berlin|Munich|Frankfurt|Hamburg|Cologne|Bonn|Paris|Lyon|
  Marseille|Nice|London|Manchester|Liverpool|Birmingham|Leeds|Edinburgh|Glasgow|Belfast|Cardiff|Dublin|
  Brussels|Antwerp|Amsterdam|The Hague|Rotterdam|Madrid|Barcelona|Seville|Valencia|Lisbon|Porto|Rome|Milan|
  Naples|Turin|Florence|Venice|Vienna|Geneva|Zurich|Bern|Basel|Stockholm|Oslo|Copenhagen|Helsinki|
  Reykjavik|Prague|Budapest|Bratislava|Bucharest|Sofia|Athens|Belgrade|Zagreb|Ljubljana|Sarajevo|
  Skopje|Tirana|Pristina|Riga|Tallinn|Vilnius|Chisinau|Tbilisi|Yerevan|Baku|Ankara|Istanbul|Tehran|
  Baghdad|Mosul|Basra|Erbil|Damascus|Aleppo|Beirut|Amman|Jerusalem|Tel Aviv|Ramallah|Hebron|Gaza City|
  Rafah|Khan Younis|Riyadh|Jeddah|Mecca|Medina|Doha|Dubai|Abu Dhabi|Kuwait City|Manama|Muscat|Sanaa|
  Aden|Cairo|Alexandria|Tripoli|Benghazi|Tunis|Algiers|Rabat|Casablanca|Khartoum|Addis Ababa|Nairobi|
  Mogadishu|Kampala|Kigali|Lagos|Abuja|Accra|Dakar|Kinshasa|Luanda|Harare|Johannesburg|Cape Town|
  Pretoria|Durban|Kabul|Kandahar|Islamabad|Karachi|Lahore|New Delhi|Delhi|Chennai|Bangalore|
  Bengaluru|Hyderabad|Dhaka|Kathmandu|Colombo|Bangkok|Hanoi|Phnom Penh|Vientiane|Naypyidaw|
  Kuala Lumpur|Jakarta|Bali|Manila|Canberra|Sydney|Melbourne|Brisbane|Perth|Auckland|Wellington|
  Ottawa|Toronto|Montreal|Vancouver|Calgary|Los Angeles|Chicago|Houston|Boston|San Francisco|
  Seattle|Miami|Atlanta|Dallas|Detroit|Philadelphia|Denver|Austin|Las Vegas|Honolulu|Phoenix|San Diego|
  New Orleans|Baltimore|Pittsburgh|Cleveland|Minneapolis|Mexico City|Havana|Caracas|Bogota|Lima|
  Santiago|Buenos Aires|Brasilia|Rio de Janeiro|Sao Paulo|São Paulo|Montevideo|Quito|La Paz|Asuncion|
  Astana|Almaty|Tashkent|Bishkek|Dushanbe|Ashgabat|Ulaanbaatar|Vladivostok|Novosibirsk|Khabarovsk|
  Davos|Strasbourg|Luxembourg City|Monte Carlo|Guam|Hawaii`,
);

const STATES = entries(
  'GPE',
  `Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Idaho|Illinois|
  Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|
  Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|
  Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|
  Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Quebec|Ontario|Alberta|British Columbia|Bavaria|
  Gyeonggi|Gyeonggi Province|Gangwon|Jeolla|Gyeongsang|Chungcheong`,
);

const REGIONS = entries(
  'LOC',
  `Korean Peninsula|Middle East|Far East|Near East|Asia|Europe|Africa|North America|South America|
  Latin America|Central America|Caribbean|Oceania|Antarctica|Arctic|Eurasia|East Asia|Southeast Asia|
  South Asia|Central Asia|Northeast Asia|West Asia|Western Europe|Eastern Europe|Central Europe|
  Northern Europe|Southern Europe|Asia-Pacific|Asia Pacific|Indo-Pacific|Pacific|Atlantic|Indian Ocean|
  Pacific Ocean|Atlantic Ocean|Arctic Ocean|Mediterranean|Mediterranean Sea|Black Sea|Red Sea|
  Caspian Sea|Baltic|Baltic Sea|North Sea|South China Sea|East China Sea|Yellow Sea|East Sea|
  Sea of Japan|Persian Gulf|Gulf of Aden|Horn of Africa|Sahel|Sahara|Balkans|Caucasus|Scandinavia|
  Siberia|Himalayas|Alps|Sinai|West Bank|Gaza Strip|Golan Heights|Taiwan Strait|Strait of Hormuz|
  Demilitarized Zone|DMZ|Panmunjom|Jeju Island|Jeju|Dokdo|Kuril Islands|Nile|Danube|Rhine|Yangtze|
  Mekong|Euphrates|Tigris|Han River|Amazon River|Gulf`,
);

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

const ORG_ALIASES = aliased('ORG', [
  ['United Nations', 'UN', 'U.N.'],
  ['UN Security Council', 'U.N. Security Council', 'United Nations Security Council', 'Security Council', 'UNSC'],
  ['UN General Assembly', 'U.N. General Assembly', 'United Nations General Assembly', 'General Assembly'],
  ['NATO', 'North Atlantic Treaty Organization'],
  ['European Union', 'EU', 'E.U.'],
  ['International Atomic Energy Agency', 'IAEA'],
  ['World Health Organization', 'WHO'],
  ['World Trade Organization', 'WTO'],
  ['International Monetary Fund', 'IMF'],
  ['Association of Southeast Asian Nations', 'ASEAN'],
  ['Group of Seven', 'G7', 'G-7'],
  ['Group of 20', 'G20', 'G-20'],
  ['Islamic State', 'ISIS', 'ISIL'],
  ['al-Qaeda', 'al Qaeda', 'Al Qaeda', 'al-Qaida'],
  ['Houthis', 'Houthi'],
  ['Taliban', 'Taleban'],
  ['Palestine Liberation Organization', 'PLO'],
  ['Central Intelligence Agency', 'CIA'],
  ['Federal Bureau of Investigation', 'FBI'],
  ['State Department', 'Department of State', 'U.S. State Department', 'US State Department'],
  ['Pentagon', 'Department of Defense', 'Defense Department'],
  ['Yonhap News Agency', 'Yonhap'],
  ['Kuwait News Agency', 'KUNA'],
  ['Korean Central News Agency', 'KCNA'],
  ['Associated Press', 'AP'],
  ['Agence France-Presse', 'AFP'],
  ['Kyodo News', 'Kyodo'],
  ['Xinhua', 'Xinhua News Agency'],
  ['European Central Bank', 'ECB'],
  ['Joint Chiefs of Staff', 'JCS'],
  ["Workers' Party of Korea", "Workers' Party", 'Workers Party of Korea'],
  ['Chinese Communist Party', 'Communist Party of China', 'CCP'],
  ['Hamas', 'HAMAS'],
  ['Samsung Electronics', 'Samsung'],
  ['Meta', 'Meta Platforms'],
]);

const ORGS = entries(
  'ORG',
  `European Commission|European Parliament|African Union|Arab League|Gulf Cooperation Council|
  Red Cross|ICRC|Amnesty International|Human Rights Watch|Hezbollah|Fatah|Kremlin|White House|
  Congress|Senate|House of Representatives|Federal Reserve|National Assembly|Blue House|
  Foreign Ministry|Defense Ministry|Unification Ministry|Ministry of Foreign Affairs|Bank of Korea|
  Bank of Japan|Bank of England|World Bank|OPEC|Interpol|People Power Party|Democratic Party|
  Democratic Party of Korea|Republican Party|Communist Party|Liberal Democratic Party|
  Conservative Party|Labour Party|Likud|Hyundai|Hyundai Motor|LG|SK Hynix|Kia|Posco|Apple|Google|
  Alphabet|Microsoft|Facebook|Twitter|Tesla|Toyota|Sony|Honda|Nissan|Boeing|Airbus|Huawei|
  Alibaba|Tencent|TSMC|Nvidia|Intel|IBM|General Motors|General Electric|Gazprom|Rosneft|Aramco|
  Saudi Aramco|Reuters|BBC|CNN|Bloomberg|MENAFN|TASS|Interfax|Al Jazeera|New York Times|Washington Post|
  Wall Street Journal|Financial Times|JoongAng Ilbo|Korea Herald|Korea Times|
  Chosun Ilbo|NHK|Nikkei|Anadolu|Voice of America|Radio Free Asia|Wagner Group|Supreme Court|
  Constitutional Court|Cabinet|Politburo|Knesset|Duma|Bundestag|Parliament`,
);

// ---------------------------------------------------------------------------------------------
// Groups, nationalities and other MISC
// ---------------------------------------------------------------------------------------------

/** Nationality and group adjectives (MISC, as CoNLL tags them). Plurals are derived. */
const DEMONYMS = `American|British|Chinese|Japanese|Korean|South Korean|North Korean|Russian|Ukrainian|
  French|German|Italian|Spanish|Israeli|Palestinian|Iranian|Iraqi|Syrian|Turkish|Indian|Pakistani|
  Afghan|Saudi|Kuwaiti|Qatari|Emirati|Egyptian|Jordanian|Lebanese|Yemeni|Libyan|Canadian|Mexican|
  Brazilian|Australian|European|Asian|African|Arab|Arabic|Western|Soviet|Taiwanese|Vietnamese|Thai|
  Filipino|Indonesian|Malaysian|Singaporean|Polish|Dutch|Swiss|Swedish|Norwegian|Danish|Finnish|
  Belgian|Austrian|Greek|Hungarian|Czech|Slovak|Romanian|Bulgarian|Serbian|Croatian|Bosnian|Irish|
  Scottish|English|Welsh|Portuguese|Argentine|Argentinian|Chilean|Colombian|Peruvian|Cuban|
  Venezuelan|Nigerian|Kenyan|Ethiopian|Somali|Sudanese|South African|Mongolian|Burmese|Cambodian|
  Bangladeshi|Sri Lankan|Nepalese|Kazakh|Uzbek|Georgian|Armenian|Azerbaijani|Belarusian|Latvian|
  Lithuanian|Estonian|Icelandic|Moroccan|Algerian|Tunisian|Muslim|Christian|Jewish|Catholic|
  Protestant|Islamic|Sunni|Shiite|Shi'ite|Kurdish|Kurd|Hindu|Buddhist|Latino|Hispanic|Nordic|
  Balkan|Mideast|Anglo|Slavic|Persian|Pashtun|Uighur|Uyghur|Tamil|Zionist|Bolshevik|
  Republican|Democrat|Democratic|Conservative|Liberal|Labour|Socialist|Communist|Marxist|
  Olympic|Olympics|Nobel|Christmas|Easter|Ramadan|Eid|Hanukkah|Thanksgiving|English-language|
  Korean-American|Japanese-American|Chinese-American|Moslem|Chechen|Serb|Croat|Bosnian Serb|
  Bosnian Croat|Albanian|Nicaraguan|Yugoslav|Islamist|Slovenian|Macedonian|Honduran|Guatemalan|
  Salvadoran|Panamanian|Ecuadorean|Ecuadorian|Bolivian|Uruguayan|Paraguayan|Zambian|Zimbabwean|
  Ugandan|Rwandan|Congolese|Liberian|Ghanaian|Senegalese|Angolan|Cypriot|Maltese|Tajik|Turkmen|
  Kyrgyz|Azeri|Tatar|Briton|Scot|Roman Catholic|Orthodox|Anglican|Lutheran|Shia|Druze|Alawite|
  Sikh|Costa Rican|Puerto Rican|New Zealander|Saudi Arabian|Dominican|Maoist|Gaullist|Thatcherite|Stalinist|Quebecer|Texan|Californian|New Yorker|Londoner`;

const MISC_WORDS = DEMONYMS.split('|')
  .map((d) => d.trim())
  .filter((d) => d.length > 0);

const pluralDemonyms = (): string[] =>
  MISC_WORDS.filter((d) => /(?:an|i|ic)$/.test(d) && !/(?:Islamic|Arabic|Catholic|Olympic|Baltic|Pacific|Democratic|Republican)$/.test(d))
    .map((d) => `${d}s`)
    .concat(['Moslems', 'Serbs', 'Croats', 'Britons', 'Scots', 'Chechens', 'Albanians', 'Islamists', 'Sikhs', 'Texans', 'New Yorkers', 'Londoners', 'Democrats', 'Republicans', 'Conservatives', 'Liberals', 'Socialists', 'Communists', 'Kurds', 'Arabs', 'Jews', 'Brits', 'Sunnis', 'Shiites', 'Filipinos', 'Latinos', 'Hindus', 'Buddhists', 'Catholics', 'Protestants', 'Muslims', 'Christians']);

const MISC = [...entries('MISC', MISC_WORDS.join('|')), ...entries('MISC', pluralDemonyms().join('|'))];

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

/** Widely reported public figures. A surname alone is a PERSON cue; it is never expanded. */
const NOTABLE_PEOPLE = entries(
  'PERSON',
  `Vladimir Putin|Xi Jinping|Kim Jong Un|Kim Jong-un|Kim Yo Jong|Kim Yo-jong|Kim Il Sung|Kim Jong Il|
  Donald Trump|Barack Obama|Kamala Harris|Volodymyr Zelensky|Volodymyr Zelenskyy|Benjamin Netanyahu|
  Emmanuel Macron|Olaf Scholz|Angela Merkel|Recep Tayyip Erdogan|Narendra Modi|Shinzo Abe|
  Rishi Sunak|Keir Starmer|Sergei Lavrov|Antonio Guterres|Ali Khamenei|Alexander Lukashenko|
  Bashar al-Assad|Nicolas Maduro|Jair Bolsonaro|Javier Milei|Mohammed bin Salman|Pope Francis`,
);

/** Every entry, aliases first (the first listed wins for an identical form). */
export const GAZETTEER: readonly LexiconEntry[] = [
  ...PLACE_ALIASES,
  ...COUNTRIES,
  ...CITIES,
  ...STATES,
  ...REGIONS,
  ...ORG_ALIASES,
  ...ORGS,
  ...MISC,
  ...NOTABLE_PEOPLE,
];

/**
 * Hand-written word lists for the recognizer's features and typing rules and for the canonicalizer.
 * Data only: no logic.
 *
 * Lists are deliberately small and general (world countries, major cities, well-known
 * organisations, common given names). Nothing here is tuned to any particular article.
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

/** Surnames that on their own still point to a person (PERSON cue only, canonical unchanged). */
export const NOTABLE_SURNAMES = `Putin|Trump|Biden|Obama|Zelensky|Zelenskyy|Netanyahu|Macron|Scholz|Merkel|
  Erdogan|Modi|Kishida|Ishiba|Sunak|Starmer|Lavrov|Guterres|Khamenei|Lukashenko|Assad|Maduro|Bolsonaro|
  Milei|Jinping|Xi|Yeltsin|Gorbachev|Clinton|Bush|Reagan|Blair|Thatcher|Kohl|Chirac|Sarkozy|Hollande|
  Mandela|Arafat|Abbas|Rabin|Peres|Sharon|Mubarak|Gaddafi|Qaddafi|Saddam|Hussein|Castro|Chavez|Lula`;

/** Common given names (lowercase). A capitalised run that starts with one is a person. */
export const GIVEN_NAMES = `aaron|abdul|abdullah|abraham|adam|adrian|ahmad|ahmed|aisha|akira|alan|albert|alberto|alejandro|
  alex|alexander|alexandra|alexei|alexey|alfred|ali|alice|alicia|alison|allan|allen|amanda|amber|amir|amy|
  ana|anatoly|andre|andrea|andreas|andrei|andrew|andrey|andy|angela|angelo|anita|ann|anna|anne|annie|
  anthony|antonio|antony|anton|ariel|arnold|arthur|ashley|audrey|ayman|barbara|barry|ben|benjamin|
  bernard|bernie|beth|betty|bill|billy|bob|bobby|boris|brad|bradley|brandon|brenda|brent|brian|bruce|
  bruno|bryan|carl|carlos|carmen|carol|caroline|carolyn|catherine|charles|charlie|charlotte|chris|
  christian|christina|christine|christopher|chuck|claire|claude|claudia|colin|craig|cristina|cynthia|
  dale|dan|daniel|danny|dario|dave|david|dean|deborah|debra|dennis|derek|diana|diane|dick|diego|dmitri|
  dmitry|dominic|don|donald|donna|doris|dorothy|doug|douglas|dylan|earl|ed|eddie|edgar|eduardo|edward|
  edwin|elena|eli|elizabeth|ellen|emily|emma|emmanuel|enrique|eric|erik|ernest|ernesto|esther|ethan|
  eugene|eva|evan|evelyn|fabio|faisal|fatima|felipe|felix|fernando|francesca|francesco|francis|
  francisco|franco|frank|franz|fred|frederick|fumio|gabriel|gabriela|gary|gene|george|georges|gerald|
  gerhard|giorgia|giovanni|giuseppe|glen|glenn|gloria|gordon|grace|graham|greg|gregory|guido|gustavo|
  hakan|hamid|hans|harold|harry|hassan|heather|heinz|helen|helmut|henri|henry|herbert|hillary|hiroshi|
  howard|hugh|hugo|hussein|ian|ibrahim|igor|irene|isaac|ivan|jack|jackie|jacob|jacques|jake|james|jamie|
  jan|jane|janet|janice|jared|jason|javier|jay|jean|jeff|jeffrey|jennifer|jens|jeremy|jerome|jerry|
  jesse|jessica|jesus|jim|jimmy|joan|joanna|joe|joel|johan|johann|johannes|john|johnny|jon|jonathan|
  jorge|jose|josé|joseph|josh|joshua|joyce|juan|judith|judy|julia|julian|julie|julio|junichiro|justin|
  karen|karl|katherine|kathleen|kathy|katie|keith|kelly|ken|kenneth|kenji|kevin|khalid|kim|kirk|klaus|
  koichi|kurt|kyle|larry|laura|lauren|lawrence|leo|leon|leonard|leslie|liam|linda|lisa|lloyd|lorenzo|
  louis|louise|lucas|lucy|luis|luiz|luke|lynn|mahmoud|manuel|marc|marco|marcus|margaret|maria|marie|
  mario|marion|mark|martha|martin|mary|masahiro|matt|matteo|matthew|maurice|max|maxim|mehmet|melissa|
  michael|michel|michelle|miguel|mike|mikhail|mohamed|mohammad|mohammed|muhammad|nancy|naoki|naoto|
  narendra|natalia|natalie|nathan|neil|nicholas|nick|nicola|nicolas|nicole|nigel|nikita|nikolai|noah|
  norman|olaf|oleg|olga|oliver|olivia|omar|oscar|pablo|pamela|paolo|pascal|patricia|patrick|paul|paula|
  pedro|peter|philip|philippe|phil|pierre|rachel|rafael|ralph|ramon|randy|raul|ray|raymond|rebecca|
  recep|richard|rick|rishi|rob|robert|roberto|robin|rodrigo|roger|roland|roman|ron|ronald|rosa|rose|
  ruth|ryan|saad|salman|sam|samantha|samuel|sandra|sara|sarah|scott|sean|sebastian|serge|sergei|
  sergey|shane|sharon|shigeru|shinzo|shirley|simon|sophie|stanley|stefan|stephanie|stephen|steve|
  steven|stuart|susan|sven|sylvia|takeshi|tamara|taro|ted|teresa|terry|theodore|theresa|thomas|tim|
  timothy|tina|todd|tom|tommy|tony|tracy|ursula|valentina|valerie|vanessa|victor|victoria|viktor|
  vincent|virginia|vivian|vladimir|volodymyr|walter|warren|wayne|wendy|william|willie|wolfgang|
  xavier|yasser|yoshihide|yoshihiko|yukio|yuri|yusuf|yves|zachary|zoe|ahn|ashraf|bashar|boutros|
  emile|gianni|goran|hashim|helmut|jaroslaw|kofi|lech|nelson|nursultan|rajiv|recep|shimon|slobodan|
  suharto|tariq|vaclav|yitzhak|zbigniew|benazir|jacques|jean-claude|jean-pierre|jean-marie|
  jean-luc|alain|lionel|dominique|gerard|luc|dirk|wim|pieter|hendrik|bjorn|lars|magnus|ole|
  ingrid|anders|nils|erik|henrik|mats|jurgen|uwe|dieter|manfred|horst|rainer|werner|stefano|massimo|
  carlo|luca|andrea|alessandro|gianluca|sergio|alberto|jorge|ricardo|alejandra|mauricio|arturo|
  esteban|gonzalo|ignacio|santiago|fidel|raul|hugo|dilma|cristiano|lionel|zinedine|thierry|
  patrice|didier|wayne|gareth|rory|serena|roger|rafael|novak|andy|pete|andre|boris|steffi|
  martina|monica|arantxa|conchita|goran|jana|jim|greg|michael|marcelo|ronaldo|romario|bebeto|rivaldo|
  shaquille|kobe|larry|kareem|dennis|scottie|hakeem|kirsten|julianne|meryl|tom|brad|leonardo`;

/** East Asian family names, written first ("Yoon Suk Yeol", "Xi Jinping"). Lowercase. */
export const EAST_ASIAN_SURNAMES = `kim|lee|rhee|yi|park|pak|choi|choe|cho|jo|chung|jung|jeong|kang|yoon|yun|jang|chang|lim|im|
  han|oh|seo|suh|shin|sin|kwon|hwang|ahn|song|yoo|yu|ryu|hong|jeon|chun|ko|moon|mun|son|bae|baek|
  paek|heo|hur|nam|noh|roh|ha|kwak|sung|cha|joo|ju|woo|min|na|jin|chae|won|bang|kong|hyun|ham|byun|
  yeom|yang|choo|ri|kye|xi|li|wang|zhang|liu|chen|zhao|wu|zhou|hu|wen|zhu|sun|guo|gao|lin|
  luo|zheng|liang|xie|tang|cao|deng|feng|xu|qin|dong|jiang|wei|lai|tsai`;

/** Titles that may stand in apposition before a name; matched case-insensitively on whole words. */
export const TITLES = `President|Vice President|President-elect|Prime Minister|Premier|Chancellor|Minister|
  Foreign Minister|Defense Minister|Defence Minister|Finance Minister|Economy Minister|Trade Minister|
  Interior Minister|Justice Minister|Unification Minister|Health Minister|Industry Minister|
  Energy Minister|Education Minister|Labor Minister|Labour Minister|Agriculture Minister|
  Culture Minister|Environment Minister|Transport Minister|Oil Minister|Information Minister|
  Home Minister|Foreign Affairs Minister|Minister of State|Minister of Foreign Affairs|
  Minister of Defense|Minister of National Defense|Secretary of State|Secretary|Defense Secretary|
  Defence Secretary|Foreign Secretary|Home Secretary|Treasury Secretary|Commerce Secretary|
  Energy Secretary|Press Secretary|Secretary-General|Secretary General|Under Secretary|
  Undersecretary|National Security Adviser|National Security Advisor|Ambassador|Envoy|
  Special Envoy|Special Representative|Senator|Sen|Representative|Rep|Congressman|Congresswoman|
  Lawmaker|Assemblyman|Governor|Gov|Mayor|Speaker|Chairman|Chairwoman|Chairperson|Chief Executive|
  CEO|Director|Director General|Director-General|Commissioner|Commander|Gen|Lieutenant General|
  Lt Gen|Major General|Maj Gen|Brigadier General|Admiral|Adm|Vice Admiral|Rear Admiral|Colonel|Col|
  Lieutenant|Lt|Capt|Sgt|Marshal|Field Marshal|King|Queen|Prince|Princess|Crown Prince|Emperor|
  Empress|Pope|Cardinal|Archbishop|Bishop|Rev|Reverend|Rabbi|Imam|Ayatollah|Sheikh|Sheik|Emir|
  Sultan|Supreme Leader|Chief Justice|Judge|Prosecutor|Attorney General|Sir|Dame|Lord|Mr|Mrs|Ms|
  Miss|Dr|Prof|Professor|Coach|Spokesman|Spokeswoman|Spokesperson|Chief of Staff|Leader`;

/** Words that may precede a title ("Acting President", "former Prime Minister"). */
export const TITLE_MODIFIERS = 'acting|deputy|vice|former|interim|first|senior|assistant|then|then-|outgoing|incoming|late';

/**
 * Words that describe a person's job without being a full title ("North Korean Foreign Ri Son-gwon"):
 * dropped when they precede a name in the same capitalised run.
 */
export const DESCRIPTOR_WORDS = `foreign|defense|defence|finance|trade|interior|unification|economy|justice|
  industry|energy|health|education|labor|labour|acting|deputy|vice|former|interim|senior|chief|top|
  opposition|ruling|party|presidential|first|security|national|minister|secretary|spokesman|
  spokeswoman|official|lawmaker|envoy|nuclear|military|army|navy|general|commander|affairs`;

/** Verbs that, right after a name, mark the name as a person. */
export const PERSON_VERBS = `said|says|told|tells|added|adds|noted|notes|expressed|stated|explained|argued|insisted|
  warned|urged|wrote|replied|emphasized|emphasised|stressed|recalled|admitted|vowed|tweeted|commented|
  remarked|reiterated|asked|answered|testified|confirmed|acknowledged|believes|thinks|smiled|laughed|
  recalled|conceded|whispered|shouted|pleaded`;

// ---------------------------------------------------------------------------------------------
// Head words
// ---------------------------------------------------------------------------------------------

/** Last word of an organisation name ("Yonhap News Agency", "Seoul Central District Court"). */
export const ORG_HEADS = `agency|council|ministry|party|bank|group|corp|corp.|corporation|inc|inc.|co|co.|ltd|ltd.|llc|plc|
  university|authority|forces|force|army|navy|command|committee|commission|association|union|
  institute|institution|foundation|fund|federation|organization|organisation|league|club|court|
  department|office|bureau|service|services|board|assembly|parliament|congress|senate|cabinet|police|
  guard|front|movement|house|alliance|coalition|network|holdings|systems|technologies|technology|
  industries|international|exchange|trust|securities|capital|partners|airlines|airways|motors|
  electronics|times|post|daily|herald|journal|tribune|gazette|news|telegraph|broadcasting|
  television|radio|magazine|church|museum|hospital|school|college|academy|society|center|centre|
  laboratory|laboratories|labs|company|companies|enterprises|brothers|bros|media|entertainment|
  studios|pictures|records|team|fc|united|rovers|wanderers|athletic|athletics|secretariat|tribunal|
  ilbo|sinmun|shimbun|bancorp|bancshares|petroleum|airline|railways|railway|telecom|
  communications|pharmaceuticals|pharma|motor|steel|chemical|chemicals|insurance|ministries|
  brigade|brigades|battalion|regiment|division|corps|directorate|parliamentarians|caucus`;

/** Last word of an event, treaty, law or prize (MISC, as CoNLL tags them): "World Cup", "Paris Agreement". */
export const MISC_HEADS = `cup|open|championship|championships|games|olympics|tournament|trophy|prix|series|war|
  award|awards|prize|festival|marathon|derby|classic|masters|treaty|accord|accords|agreement|act|
  declaration|convention|protocol|doctrine|charter|resolution|initiative|bowl|rally|expo|
  olympiad|biennale|week|day|era|revolution|uprising|crisis|pact|bill|amendment|constitution|law`;


/** Last word of a geographic feature ("Han River", "Korean Peninsula"). */
export const LOC_HEADS = `peninsula|sea|ocean|river|mountains|mountain|island|islands|isles|strait|straits|gulf|bay|
  lake|valley|desert|coast|canal|peak|plateau|basin|delta|falls|glacier|forest|reef|archipelago|
  highlands|heights|hills|plain|plains|avenue|street|road|boulevard|square|bridge|airport|station|
  stadium|park|palace|zone|border|corridor|harbor|harbour|pass|range|volcano|beach|estuary|lagoon`;

/** First word of a geographic feature ("Mount Everest", "Lake Baikal"). */
export const LOC_LEADS = 'mount|mt|lake|cape|gulf|sea|strait|isle|fort|port|camp';

/** Last word of a political unit ("Gangnam District", "Fukushima Prefecture"). */
export const GPE_HEADS = 'city|province|county|prefecture|district|oblast|governorate|municipality|township|borough|emirate|state';

// ---------------------------------------------------------------------------------------------
// Non-entities
// ---------------------------------------------------------------------------------------------

/** Capitalised at a sentence start but never the start of a name. Lowercase. */
export const FUNCTION_WORDS = `a|an|the|this|that|these|those|there|here|it|its|it's|he|she|they|we|i|you|me|him|her|his|hers|
  their|theirs|our|ours|my|mine|your|yours|us|them|what|which|who|whom|whose|why|how|when|where|while|
  whether|if|unless|until|till|since|because|though|although|as|at|by|for|from|in|into|of|off|on|onto|
  out|over|to|up|upon|with|within|without|about|above|across|after|against|along|amid|amidst|among|
  amongst|around|before|behind|below|beneath|beside|besides|between|beyond|despite|during|except|
  inside|near|outside|past|per|regarding|concerning|including|excluding|following|according|through|
  throughout|toward|towards|under|underneath|unlike|via|and|or|but|nor|so|yet|also|all|any|both|each|
  every|either|neither|few|many|much|more|most|less|least|some|such|no|not|only|other|others|another|
  same|than|then|now|once|still|even|just|very|too|again|already|almost|always|never|often|sometimes|
  usually|perhaps|maybe|indeed|instead|however|therefore|thus|hence|meanwhile|moreover|furthermore|
  nevertheless|nonetheless|otherwise|rather|further|later|earlier|today|yesterday|tomorrow|tonight|
  is|are|was|were|be|been|being|am|has|have|had|having|do|does|did|done|will|would|shall|should|may|
  might|must|can|could|cannot|let|lets|please|yes|ok|okay|oh|well|thanks|thank|hi|hello|dear|whatever|
  whoever|whenever|wherever|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|last|
  next|new|many|several|nobody|everyone|everybody|someone|somebody|anyone|anybody|nothing|everything|
  something|anything|none|we're|we've|we'll|i'm|i've|i'll|i'd|you're|you've|they're|they've|he's|
  she's|that's|there's|here's|what's|who's|don't|doesn't|didn't|can't|won't|isn't|aren't|wasn't|
  weren't|haven't|hasn't|hadn't|wouldn't|shouldn't|couldn't|let's|mr|mrs|ms|dr|why's|how's|where's|
  when's|like|unlike|plus|minus|given|based|asked|speaking|meanwhile|overall|instead|finally|first|
  additionally|similarly|likewise|specifically|notably|particularly|especially|currently|recently|
  previously|initially|eventually|ultimately|subsequently|accordingly|consequently|apparently|
  clearly|obviously|certainly|surely|actually|basically|generally|officially|reportedly|allegedly`;

/** Calendar words: capitalised, never entities on their own. Lowercase, dots stripped. */
export const DATE_WORDS = `monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|
  sat|sun|january|february|march|april|may|june|july|august|september|october|november|december|jan|
  feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|am|pm|a.m|p.m|gmt|utc|est|edt|pst|pdt|kst|bst|cet`;

/** Compass words: part of names ("North Korea") but not names on their own. */
export const COMPASS_WORDS = 'north|south|east|west|northern|southern|eastern|western|northeast|northwest|southeast|southwest|central|upper|lower';


/** Abbreviations that keep their trailing period (so the period does not end a sentence). */
export const DOT_ABBREVIATIONS = `mr|mrs|ms|dr|prof|gen|lt|col|maj|capt|sgt|sen|rep|gov|rev|st|jr|sr|inc|corp|co|ltd|
  jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|vs|adm|mt|ft|messrs|mme|mlle|gov|dept|
  univ|assn|bros|approx`;

/** Lowercase particles allowed inside names ("Mohammed bin Salman", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = 'de|da|di|du|del|della|der|den|van|von|bin|ibn|al|el|le|la|dos|das|zu|ter|ten|ben|abu|bint';

/** Suffixes after a personal name. */
export const PERSON_SUFFIXES = 'jr|jr.|sr|sr.|ii|iii|iv';

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

/** Split a `|`-separated word list into a lowercase set. */
export function wordSet(list: string): ReadonlySet<string> {
  return new Set(
    list
      .split('|')
      .map((w) => w.trim().toLowerCase())
      .filter((w) => w.length > 0),
  );
}

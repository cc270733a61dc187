/**
 * Word classes for the recognizer's features and typing rules, the tokenizer and the
 * canonicalizer: parts of people's names and titles, head words of names, and words that are
 * never names. Data only, and `wordSet` to read a list.
 */

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

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

/** Split a `|`-separated word list into a lowercase set. */
export function wordSet(list: string): ReadonlySet<string> {
  return new Set(
    list
      .split('|')
      .map((w) => w.trim().toLowerCase())
      .filter((w) => w.length > 0),
  );
}

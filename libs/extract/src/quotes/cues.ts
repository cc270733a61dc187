/**
 * Attribution cues: the verbs that introduce or follow a quote, and the words around them that
 * name a speaker (`X said`, `said X`, `according to X`, `X told …`, `X wrote`, `X called it “…”`).
 */

import { PERSON_VERBS, wordSet } from '../lexicon-words';

/** Verbs of saying, writing and judging that attribute a quote to their subject. */
export const CUE_VERBS = wordSet(
  `${PERSON_VERBS}|say|tell|add|note|write|pledged|pledges|reaffirmed|reaffirms|declared|declares|announced|announces|
   continued|continues|concluded|observed|claimed|claims|predicted|promised|promises|suggested|suggests|cautioned|
   responded|quipped|posted|joked|wondered|demanded|agreed|countered|echoed|reiterates|writes|tweets|argues|insists|
   warns|explains|recalls|admits|asserted|asserts|maintained|maintains|contended|contends|alleged|alleges|charged|
   complained|complains|boasted|boasts|bragged|lamented|laments|mused|recounted|yelled|chanted|cried|exclaimed|
   called|calls|dubbed|dubs|labeled|labels|labelled|termed|terms|branded|brands|described|describes|referred|refers|
   deemed|deems|blasted|slammed|criticized|criticised|praised|accused|accuses|urges|vows|stresses|asks|answers|replies|
   reported|reports|read|reads|stated|states|testifies|acknowledges|concedes|proclaimed|proclaims|predicts|assured|
   assures|announced|cautions|writes|wrote|opined|scoffed|shot|fired|snapped|retorted|interjected|began|concluded|
   promised|swore|vowed|hinted|speculated|estimated|declared|added|telling|saying|adding|writing|noting|arguing|
   warning|calling|describing|insisting|explaining|yelling|shouting|reading|shared|shares|forwards|forwarded|groused|
   grouses|quoting|quoted|cited|citing|cites|emailed|texted|retweeted|tweeting|posting|telling|sang|chanting|screamed|
   screaming|mocked|mocking|dismissed|dismissing|decried|decrying|touted|touting|recited|recalling|acknowledging|
   admitting|conceding|complaining|lamenting|boasting|bragging|joking|quipping|promising|pledging|vowing|predicting|
   suggesting|demanding|urging|asking|answering|replying|responding|declaring|announcing|stating|claiming|alleging|
   asserting|contending|maintaining|stressing|emphasizing|reiterating|repeating|repeated|repeats|observing|remarking|
   commenting|think|thought|believed|feels|felt|disagrees|disagreed|found|finds|concludes|determined|ruled|rules|
   projects|projected|estimates|recalls|decries|touts|mocks|quotes|cite`,
);

/** Verbs that only attribute when the quote is their object (`called it “…”`), never a whole quote after it. */
export const JUDGING_VERBS = wordSet('called|calls|dubbed|dubs|labeled|labels|labelled|termed|terms|branded|brands|described|describes|referred|refers|deemed|deems|calling|describing');

/** Words between a subject and its verb that do not change who speaks ("Smith also said"). */
export const ADVERBS = wordSet('also|then|later|again|previously|further|repeatedly|once|had|has|have|would|will|has|recently|simply|flatly|quickly|publicly|privately|reportedly|earlier|even|often|once|just|still|never|not|only|later|first|last');

export const PRONOUNS = wordSet('he|she|they|it|we|i');

/** Words that open a description without naming anyone in particular: the speaker stays unknown. */
export const INDEFINITES = wordSet('a|an|one|some|another|several|many|two|three|few|most|other|others|someone|somebody|anyone|people|officials|sources');

/** Head nouns of descriptions that stand for a person ("the spokeswoman said"), with their gender where the word gives one. */
export const PERSON_NOUNS = new Map<string, 'male' | 'female' | null>(
  (
    'spokesman:m|spokeswoman:f|spokesperson|candidate|nominee|senator|governor|president|secretary|minister|leader|' +
    'chairman:m|chairwoman:f|chair|director|mayor|congressman:m|congresswoman:f|lawmaker|businessman:m|businesswoman:f|' +
    'billionaire|mogul|front-runner|frontrunner|author|attorney|lawyer|aide|adviser|advisor|strategist|host|anchor|' +
    'founder|executive|ceo|pastor|actor:m|actress:f|star|singer|rapper|judge|justice|speaker|commissioner|official|' +
    'representative|rep|sen|democrat|republican|challenger|incumbent|contender|hopeful|businessman:m|owner|activist|' +
    'economist|analyst|professor|researcher|pollster|manager|reporter|columnist|writer|journalist|commentator|' +
    'veteran|officer|chief|general|ambassador|envoy|diplomat|prosecutor|sheriff|priest|bishop|pope|mother:f|father:m|' +
    'wife:f|husband:m|son:m|daughter:f|woman:f|man:m|widow:f|brother:m|sister:f|king:m|queen:f|prince:m|princess:f|' +
    'pundit|organizer|organiser|volunteer|voter|supporter|critic|resident|student|teacher|doctor|nurse|lawyer|'
  )
    .split('|')
    .filter((w) => w.length > 0)
    .map((w): [string, 'male' | 'female' | null] => {
      const [word, g] = w.split(':') as [string, string | undefined];
      return [word, g === 'm' ? 'male' : g === 'f' ? 'female' : null];
    }),
);

/** Head nouns of descriptions that stand for an organisation ("the campaign said"). */
export const ORG_NOUNS = wordSet(
  `campaign|company|firm|group|organization|organisation|committee|department|agency|newspaper|paper|network|magazine|
   outlet|site|website|party|administration|government|ministry|office|court|board|council|commission|union|
   association|coalition|center|centre|institute|foundation|bureau|team|embassy|white|house|senate|congress|pac|
   corporation|bank|fund|channel|station|publication|daily|times|post|journal|service|army|police|military|navy|
   authority|regime|state|city|county|school|university|church|club|league|federation|caucus|movement|nonprofit`,
);

/** Head nouns of descriptions that stand for a document ("the report said", "the statement read"). */
export const DOCUMENT_NOUNS = wordSet(
  `report|statement|letter|memo|memorandum|study|poll|survey|ad|advertisement|book|article|story|editorial|release|
   filing|complaint|lawsuit|suit|ruling|decision|opinion|email|e-mail|tweet|post|document|analysis|indictment|
   transcript|op-ed|column|petition|bill|order|sign|signs|banner|headline|caption|note|message|video|speech|
   platform|resolution|brief|motion|page|manifesto|review|audit|assessment|guidance|policy|law|constitution`,
);

/** Titles before a name that say nothing about who it is beyond the job. */
export const TITLES = wordSet(
  `mr|mrs|ms|miss|dr|prof|rev|sen|rep|gov|lt|col|gen|maj|sgt|capt|cmdr|adm|president|senator|governor|secretary|
   minister|judge|justice|mayor|chairman|chairwoman|speaker|ambassador|candidate|former|vice|gop|democratic|republican|
   presidential|leader|sir|lady|lord|madam|king|queen|prince|princess|pope|father|sister|brother|officer|chief|general|
   director|attorney|sheriff|congressman|congresswoman|professor|rabbi|pastor|reverend|dame|host|anchor|spokesman|
   spokeswoman|spokesperson|said|told`,
);

/** Capitalised words that do not make a proper name. */
export const NOT_NAMES = wordSet(
  `the|a|an|and|but|or|so|as|if|in|on|at|of|for|to|by|with|from|he|she|it|they|we|i|his|her|its|their|our|my|this|that|
   these|those|there|here|when|while|after|before|then|now|yet|still|also|even|just|monday|tuesday|wednesday|thursday|
   friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|
   today|tonight|yesterday|tomorrow|last|next|earlier|later|both|all|some|many|one|two|three|every|each|what|who|
   which|why|how|where|yes|no|not|well|oh|according|meanwhile|however|still|instead|asked|speaking|writing`,
);

/** Gendered titles, and the gender they give. */
export const GENDERED_TITLES = new Map<string, 'male' | 'female'>([
  ['mr', 'male'], ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['sir', 'male'], ['lord', 'male'],
  ['lady', 'female'], ['madam', 'female'], ['dame', 'female'], ['king', 'male'], ['queen', 'female'],
  ['prince', 'male'], ['princess', 'female'], ['congressman', 'male'], ['congresswoman', 'female'],
  ['chairman', 'male'], ['chairwoman', 'female'], ['spokesman', 'male'], ['spokeswoman', 'female'],
  ['father', 'male'], ['sister', 'female'], ['brother', 'male'], ['rabbi', 'male'], ['pope', 'male'],
]);

/**
 * Synthetic wire stories for load and fault tests: varied datelines, agencies, people, places and
 * quotes, at wire length (250–600 words), deterministic for a seed. Invented text only.
 */
const CITIES = [
  ['SEOUL', 'Yonhap'], ['TOKYO', 'Kyodo'], ['KUWAIT', 'KUNA'], ['CAIRO', 'MENA'], ['NAIROBI', 'Reuters'], ['BRUSSELS', 'AFP'],
  ['WASHINGTON', 'AP'], ['BEIJING', 'Xinhua'], ['NEW DELHI', 'PTI'], ['BRASILIA', 'Reuters'], ['CANBERRA', 'AAP'], ['MADRID', 'EFE'],
] as const;
const PEOPLE = [
  'Maria Lopez', 'Han Seo-yeon', 'Kenji Watanabe', 'Amina Yusuf', 'Pierre Durand', 'Olga Petrova', 'Rahul Mehta', 'Li Wei',
  'Fatima Al-Sayed', 'John Carter', 'Ana Souza', 'Erik Lindholm', 'Grace Mwangi', 'Tomasz Nowak', 'Sara Cohen', 'Diego Ramirez',
];
const ROLES = ['Foreign Minister', 'Finance Minister', 'President', 'Prime Minister', 'Trade Minister', 'central bank governor'];
const ORGS = ['United Nations', 'World Bank', 'European Union', 'African Union', 'World Health Organization', 'International Monetary Fund'];
const COUNTRIES = ['Japan', 'South Korea', 'Kuwait', 'Egypt', 'Kenya', 'Belgium', 'United States', 'China', 'India', 'Brazil', 'Australia', 'Spain'];
const TOPICS = ['trade talks', 'a new energy agreement', 'water security', 'regional security', 'climate finance', 'vaccine supply', 'port investment'];
const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** A small deterministic PRNG (mulberry32), so a corpus is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WireStory {
  fileName: string;
  text: string;
}

export function wireCorpus(count: number, seed = 1): WireStory[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return Array.from({ length: count }, (_, index) => {
    const [city, agency] = pick(CITIES);
    const speaker = pick(PEOPLE);
    const other = pick(PEOPLE.filter((person) => person !== speaker));
    const [role, topic, org, country] = [pick(ROLES), pick(TOPICS), pick(ORGS), pick(COUNTRIES)];
    const date = `${pick(MONTHS)} ${1 + Math.floor(next() * 28)}`;
    const surname = speaker.split(' ').pop();
    const paragraphs = [
      `${city}, ${date} (${agency}) -- ${role} ${speaker} said on Monday that ${country} would press ahead with ${topic}, in story number ${index + 1} of this corpus.`,
      `"We will not wait for others to act," ${surname} told reporters after meeting ${other} at the ${org}.`,
      ...Array.from({ length: 6 + Math.floor(next() * 8) }, (_, paragraph) =>
        `Officials from ${pick(COUNTRIES)} and ${pick(COUNTRIES)} met for the ${paragraph + 2}th round of talks on ${pick(TOPICS)}, ` +
        `according to a statement from the ${pick(ORGS)}. ${pick(PEOPLE)} said the two sides had narrowed their differences on financing, ` +
        `monitoring and the timetable, and that a further meeting was planned in ${pick(CITIES)[0].toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase())}.`,
      ),
      `${other} is expected to visit ${country} next month. (end)`,
    ];
    return { fileName: `story-${seed}-${String(index).padStart(6, '0')}.txt`, text: `${paragraphs.join('\n\n')}\n` };
  });
}

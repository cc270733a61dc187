import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { QuoteSchema } from '@wirestream/contracts';
import { extractArticle, extractEntities } from '../index';
import { extractQuotes, findQuotations, type Quote } from './index';

function quotes(body: string): Quote[] {
  return extractQuotes(body, extractEntities(body));
}

/** The text inside each quotation findQuotations finds. */
function quotedTexts(body: string): string[] {
  return findQuotations(body).map((q) => body.slice(q.start, q.end));
}

function speakers(body: string): (string | null)[] {
  return quotes(body).map((q) => q.speakerKey);
}

describe('findQuotations', () => {
  it('pairs curly and straight quotation marks and leaves apostrophes alone', () => {
    const body = '“We’re ready,” she said. "It\'s done," he said.';
    expect(quotedTexts(body)).toEqual(['We’re ready,', "It's done,"]);
  });

  it('continues a quote into the next paragraph when that paragraph opens with a quotation mark', () => {
    const body = '“The first part of the statement runs on.\n\n“And the second part ends here,” Mira Osei said.';
    const [q] = findQuotations(body);
    expect(q).toBeDefined();
    expect(q!.parts.map(([s, e]) => body.slice(s, e))).toEqual(['The first part of the statement runs on.', 'And the second part ends here,']);
    expect(q!.start).toBe(1);
    expect(q!.end).toBe(body.indexOf('”'));
  });

  it('ends an unclosed quote with its paragraph when the next paragraph is not a quote', () => {
    const body = '“This one is never closed by the writer.\n\nDefense Secretary Tom Harlan arrives on Monday.';
    const [q] = findQuotations(body);
    expect(body.slice(q!.start, q!.end)).toBe('This one is never closed by the writer.');
  });

  it('opens a straight quotation mark that follows a colon with no space between', () => {
    const body = 'Rep. Ana Ruiz (D-Ore.):"We will not vote for this bill in its present form."';
    expect(quotedTexts(body)).toEqual(['We will not vote for this bill in its present form.']);
  });

  it('does not close a straight-marked quote at a curly opening mark inside it', () => {
    const body = '"Harlan tried to laugh it off with a joke, “Only on Fridays.” Osei did not laugh.';
    expect(quotedTexts(body)).toEqual(['Harlan tried to laugh it off with a joke, “Only on Fridays.']);
  });

  it('skips a straight mark that wraps a curly quote', () => {
    const body = 'Ruiz spoke after the count.\n\n"“We will win this seat by a mile,” Ruiz said."';
    expect(quotedTexts(body)).toEqual(['We will win this seat by a mile,']);
  });

  it('skips the values of markup attributes, even one that ends with a space', () => {
    const body = '<tweet author="@harborwatch" date="May 2, 2024 ">The port is closed today.</tweet> Mira Osei said “We will reopen it soon.”';
    expect(quotedTexts(body)).toEqual(['We will reopen it soon.']);
  });
});

describe('extractQuotes', () => {
  it('attributes "…," Name said and "…," said Name', () => {
    const body = '“The talks were useful and frank,” Antony Blinken said on Monday. “We will meet again next month,” said Park Jin.';
    const found = quotes(body);
    expect(found.map((q) => [q.text, q.speakerKey, q.speakerName])).toEqual([
      ['The talks were useful and frank,', 'PERSON:antony blinken', 'Antony Blinken'],
      ['We will meet again next month,', 'PERSON:park jin', 'Park Jin'],
    ]);
    for (const q of found) expect(body.slice(q.start, q.end)).toBe(q.text);
  });

  it('attributes Name told reporters, "…" and Name said: "…"', () => {
    const body = 'Mira Osei told reporters, “The vote will happen this week.” Later Tom Harlan said: "Nobody here wants another delay."';
    expect(speakers(body)).toEqual(['PERSON:mira osei', 'PERSON:tom harlan']);
  });

  it('resolves "he said" and "he added" to the last named speaker, not to the last name in the text', () => {
    const body =
      'Defense Secretary Tom Harlan landed in Manila. “The alliance is strong and getting stronger,” Harlan said after meeting Maria Lopez.\n\n' +
      '“We have much more work to do,” he said. “Our partners know exactly where we stand,” he added.';
    expect(speakers(body)).toEqual(['PERSON:tom harlan', 'PERSON:tom harlan', 'PERSON:tom harlan']);
  });

  it('resolves a job description to a person the article has already named with a matching role', () => {
    const body =
      'US Secretary of State Antony Blinken met Foreign Minister Park Jin and President Yoon Suk Yeol in Seoul.\n\n' +
      '“We stand with our allies in every way that matters,” Washington’s top diplomat said.\n\n' +
      '“The door to dialogue remains open for everyone,” the foreign minister said.';
    expect(speakers(body)).toEqual(['PERSON:antony blinken', 'PERSON:park jin']);
  });

  it('leaves the speaker null when a description matches nobody named', () => {
    const body = 'Antony Blinken arrived in Seoul.\n\n“The market will recover by the spring,” a central bank economist said.';
    expect(speakers(body)).toEqual([null]);
  });

  it('gives an unattributed quote the previous quote’s speaker, unless someone else was named in between', () => {
    const body =
      '“The road ahead is long and hard,” Park Jin said. “But the door is still open to all.”\n\n' +
      'Mira Osei left early. “This quote has nobody to say it at all.”';
    expect(speakers(body)).toEqual(['PERSON:park jin', 'PERSON:park jin', null]);
  });

  it('carries the speaker past the previous attribution’s own appositive, which names an organisation', () => {
    const body = '“The rules were written for another era,” said Tomas Vidal, a lawyer at the Brightwater Institute. “Nobody expected them to last this long.”';
    expect(speakers(body)).toEqual(['PERSON:tomas vidal', 'PERSON:tomas vidal']);
  });

  it('gives a paragraph that is only a quote the speaker of the quote ending the paragraph before', () => {
    const body = 'The count ended late on Sunday.\n\n“We counted every ballot twice,” Mira Osei said.\n\n“The result will stand, whatever the appeals say.”';
    expect(quotes(body).map((q) => [q.speakerKey, q.speakerSource])).toEqual([
      ['PERSON:mira osei', 'name'],
      ['PERSON:mira osei', 'continuation'],
    ]);
  });

  it('keeps the speaker when the sentence in between only mentions someone else as an object', () => {
    const body = '“We counted every ballot twice,” Mira Osei said. Osei has backed Tom Harlan since the spring. “The result will stand.”';
    expect(speakers(body)).toEqual(['PERSON:mira osei', 'PERSON:mira osei']);
  });

  it('carries a pronoun’s speaker past the person the attribution speaks of ("he said of Osei")', () => {
    const body = 'Tom Harlan spoke last.\n\n“She never answers the question,” he said of Mira Osei. “That is the whole problem.”';
    expect(speakers(body)).toEqual(['PERSON:tom harlan', 'PERSON:tom harlan']);
  });

  it('keeps a quote that spans paragraphs as one, with its paragraphs joined', () => {
    const body = '“We are watching closely for any sign of a deal.\n\n“And we will act if one is confirmed,” Park Jin told the press.';
    const [q, ...rest] = quotes(body);
    expect(rest).toEqual([]);
    expect(q).toMatchObject({ text: 'We are watching closely for any sign of a deal.\n\nAnd we will act if one is confirmed,', speakerKey: 'PERSON:park jin' });
  });

  it('keeps a short quote with no cue of its own as a partial quote of the sentence’s subject', () => {
    const body = 'Senator Ana Ruiz blamed the shortfall on “careless accounting” at the port.';
    expect(quotes(body).map((q) => [q.text, q.speakerName])).toEqual([['careless accounting', 'Ana Ruiz']]);
  });

  it('drops the names of shows and books: capitalised word by word with no cue, or after a possessive, "on" or "told"', () => {
    const body =
      'The film “Winter Harbor Nights” opened in May.\n\n“We are ready for the vote,” Mira Osei told NBC’s “Morning Report” on Friday.\n\n' +
      'Tom Harlan told “Evening Desk With Ana Ruiz” that he would run.';
    expect(quotes(body).map((q) => q.text)).toEqual(['We are ready for the vote,']);
  });

  it('drops a title after the kind of work and a comma, after "interview with", "author of" or "starred in", and a title listed after another', () => {
    const body =
      'Ana Ruiz looked back on the strike in her memoir, “Harbor Lights,” and said it changed the town.\n\n' +
      'In an interview with “Evening Desk Tonight,” Mira Osei said the vote would pass.\n\n' +
      'Luis Ferro, the author of “Salt and Iron,” said the book took him ten years.\n\n' +
      'Tom Harlan, who starred in “Red Harbor” and “The Long Winter Road,” said he would retire. “I am done with acting,” Harlan said.';
    expect(quotes(body).map((q) => q.text)).toEqual(['I am done with acting,']);
  });

  it('attributes "according to" a named person', () => {
    const body = 'The agreement “will hold for at least a year,” according to Tom Harlan.';
    expect(speakers(body)).toEqual(['PERSON:tom harlan']);
  });

  it('returns nothing for a text without quotation marks', () => {
    expect(quotes('Antony Blinken said the talks went well.')).toEqual([]);
  });
});

describe('quotes in the seed stories', () => {
  const SEEDS_DIR = path.resolve(__dirname, '../../../../../shared/samples/seeds');
  const seed = (prefix: string): string => readFileSync(path.join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix))!), 'utf8');
  const BLINKEN = 'PERSON:antony blinken';
  const PARK = 'PERSON:park jin';
  const YOON = 'PERSON:yoon suk yeol';

  it('KUNA story: five quotes, all Blinken’s — named, "he said", "he added", a partial quote, and "Washington’s top diplomat"', () => {
    const body = seed('000_');
    const found = quotes(body);
    expect(found.map((q) => q.speakerKey)).toEqual([BLINKEN, BLINKEN, BLINKEN, BLINKEN, BLINKEN]);
    expect(found.map((q) => q.speakerSource)).toEqual(['name', 'pronoun', 'pronoun', 'name', 'description']);
    expect(found.map((q) => q.text.split(/\s+/).slice(0, 2).join(' '))).toEqual(['We have', 'Putin may', 'That concern', 'full confidence', 'We reaffirm']);
    for (const q of found) {
      expect(body.slice(q.start, q.end)).toBe(q.text);
      expect(q.text).not.toMatch(/^["“]|["”]$/);
    }
  });

  it('JoongAng story: every quote with its speaker, in order', () => {
    const body = seed('002_');
    const found = quotes(body);
    expect(found.map((q) => q.speakerKey)).toEqual([BLINKEN, BLINKEN, BLINKEN, YOON, PARK, PARK, BLINKEN, BLINKEN, BLINKEN, BLINKEN, PARK, PARK, BLINKEN]);
    const names: Record<string, string> = { [BLINKEN]: 'Antony Blinken', [YOON]: 'Yoon Suk Yeol', [PARK]: 'Park Jin' };
    expect(found.map((q) => q.speakerName)).toEqual(found.map((q) => (q.speakerKey ? names[q.speakerKey] : null)));
    expect(found.map((q) => q.text.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'two-way street',
      'We’re seeing',
      'a real',
      'solidify the',
      'We are',
      'Should any',
      'North Korea',
      'And we',
      'This is',
      "But it's",
      'The door',
      'The road',
      'right to',
    ]);
    // The quote the writer never closed ends with its paragraph, before the next one names Lloyd Austin.
    const unclosed = found[9]!;
    expect(body.slice(unclosed.end).trimStart()).toMatch(/^U\.S\. Defense Secretary Lloyd Austin/);
    expect(unclosed.text).not.toMatch(/Austin/);
    // A partial quote with no cue of its own: the sentence's subject, "He", is Blinken.
    expect(found[12]).toMatchObject({ speakerName: 'Antony Blinken', speakerSource: 'pronoun' });
  });
});

describe('extractArticle', () => {
  it('returns entities and quotes that fit the news.enriched.v1 contract', () => {
    const body = 'Foreign Minister Park Jin met reporters in Seoul.\n\n“We will keep the door to dialogue open,” Park said.';
    const { entities, quotes: found } = extractArticle(body, { headline: 'Park Jin meets reporters' });
    expect(found).toEqual([{ text: 'We will keep the door to dialogue open,', start: body.indexOf('We will'), end: body.indexOf(',”') + 1, speakerKey: 'PERSON:park jin', speakerName: 'Park Jin', speakerSource: 'name' }]);
    expect(entities.map((e) => e.key)).toEqual(['PERSON:park jin', 'GPE:seoul']);
    for (const q of found) expect(QuoteSchema.parse(q)).toEqual(q);
    expect(found.every((q) => entities.some((e) => e.key === q.speakerKey))).toBe(true);
  });
});

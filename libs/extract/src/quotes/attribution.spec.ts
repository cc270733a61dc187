import { extractEntities } from '../index';
import { extractQuotes, type Quote } from './index';
import { sentenceEnd, sentenceStart } from './sentences';

function quotes(body: string): Quote[] {
  return extractQuotes(body, extractEntities(body));
}

function attributed(body: string): [string, string | null, string][] {
  return quotes(body).map((q) => [q.text, q.speakerName, q.speakerSource]);
}

describe('sentence bounds', () => {
  it('does not end a sentence at an honorific, a company suffix or an initial', () => {
    const body = '“Rates will rise,” Mr. Okafor of Delta Ltd. and Patrick J. Tiberi said. Next sentence.';
    expect(body.slice(body.indexOf(',”') + 2, sentenceEnd(body, body.indexOf(',”') + 2))).toBe(' Mr. Okafor of Delta Ltd. and Patrick J. Tiberi said');
    expect(sentenceStart(body, body.indexOf('Tiberi'))).toBe(0);
  });
});

describe('sentence bounds after an initialism', () => {
  it('does not end a sentence at a dotted initialism before a comma, and keeps the speaker past it', () => {
    const body = '“The vote was close,” said Rep. Tom Harlan (D-S.C.), a member of the Harbor Policy Council. “We will try again in June.”';
    expect(sentenceEnd(body, body.indexOf('Harlan'))).toBe(body.indexOf('Council.') + 'Council'.length);
    expect(attributed(body).map(([, name]) => name)).toEqual(['Tom Harlan', 'Tom Harlan']);
  });

  it('still ends a sentence at an initialism before a capitalised word', () => {
    const body = 'She moved to Columbia, S.C. Then she ran for office.';
    expect(sentenceEnd(body, 0)).toBe(body.indexOf('S.C.') + 3);
  });
});

describe('speakers from the cue', () => {
  it('finds the speaker after an honorific ("…," Mr. Greenfield said)', () => {
    const body = 'The pension fund bought the rival last year. “It is empire building at its worst,” Mr. Greenfield said.';
    const [q] = quotes(body);
    expect(q).toMatchObject({ speakerName: 'Greenfield', speakerSource: 'name' });
  });

  it('takes a name the recogniser missed as written, without its title', () => {
    const body = '“The numbers simply do not add up for us,” Gov. Ferncastle said on Tuesday.';
    expect(attributed(body)).toEqual([['The numbers simply do not add up for us,', 'Ferncastle', 'name']]);
  });

  it('finds partial quotes of one word inside an attribution, both for the same speaker', () => {
    const body = 'Senator Ana Ruiz called the plan “unethical” and “horrifying.”';
    expect(attributed(body)).toEqual([
      ['unethical', 'Ana Ruiz', 'name'],
      ['horrifying.', 'Ana Ruiz', 'continuation'],
    ]);
  });

  it('drops short quotes nobody can be found to have said, and keeps a longer one with an unknown speaker', () => {
    expect(quotes('The so-called “two-way street” of arms deals met a “full house” of allies.')).toEqual([]);
    expect(attributed('The line “we will never give up the harbor” was painted on every wall by June.')).toEqual([['we will never give up the harbor', null, 'unknown']]);
  });

  it('splits two adjacent quotes when the first one was never closed', () => {
    const body = '“The first statement ends here. “The second one starts here,” Tom Harlan said.';
    expect(attributed(body)).toEqual([
      ['The first statement ends here.', null, 'unknown'],
      ['The second one starts here,', 'Tom Harlan', 'name'],
    ]);
  });

  it('reads X wrote, X told, according to X and a name before a colon', () => {
    const body =
      'Nadia Kowalski wrote on her blog: “The council has lost its way completely.”\n\n' +
      'Tom Harlan told reporters, “We will vote on the budget this week.”\n\n' +
      'According to Maria Lopez, “the talks will resume after the holidays.”\n\n' +
      'Park Jin: “Nobody in this room wanted another delay.”';
    expect(quotes(body).map((q) => q.speakerName)).toEqual(['Nadia Kowalski', 'Tom Harlan', 'Maria Lopez', 'Park Jin']);
  });

  it('reads “….” Name said. after a quote that ends its own sentence, but not a new sentence about someone else', () => {
    const body = '“We will not resign over this.” Tom Harlan said.\n\n“The vote is final.” Maria Lopez then left the room in silence and went home.';
    expect(attributed(body)).toEqual([
      ['We will not resign over this.', 'Tom Harlan', 'name'],
      ['The vote is final.', null, 'unknown'],
    ]);
  });

  it('gives a quote after ", saying" or ", telling" to the sentence’s subject, past an intervening clause', () => {
    const body = 'Tom Harlan voted for the bill in March, after weeks of talks with Maria Lopez, saying “the state cannot wait any longer.”';
    expect(attributed(body)).toEqual([['the state cannot wait any longer.', 'Tom Harlan', 'name']]);
  });

  it('reads a capitalised saying verb that opens its sentence: Said Name, “…”', () => {
    const body = 'The hall was quiet for a moment. Said Nadia Kowalski, “We have waited long enough for this.”';
    expect(attributed(body)).toEqual([['We have waited long enough for this.', 'Nadia Kowalski', 'name']]);
  });

  it('gives a quote introduced by a colon to the sentence’s subject when no cue verb stands before it', () => {
    const body = 'At the end of the rally Tom Harlan leaned toward the microphone and boomed: “We are not going anywhere.”';
    expect(attributed(body)).toEqual([['We are not going anywhere.', 'Tom Harlan', 'name']]);
  });

  it('reads "as Name put it" and "in Name’s words"', () => {
    const body = 'The plan was doomed from the start, or, as Nadia Kowalski put it, “a house built on sand.”\n\nIn Tom Harlan’s words, “nobody reads the fine print.”';
    expect(attributed(body).map(([, name]) => name)).toEqual(['Nadia Kowalski', 'Tom Harlan']);
  });

  it('gives ", adding, “…”" to the subject of the cue verb just before it, not to the sentence’s first name', () => {
    const body = 'Tom Harlan left the hall early, Mira Osei said, adding, “He never liked long meetings.”';
    expect(attributed(body).map(([, name]) => name)).toEqual(['Mira Osei']);
  });

  it('gives a passive cue’s quote to its agent: was asked by Name, “…”', () => {
    const body = 'Tom Harlan was asked by the moderator Mira Osei, “Will you raise taxes next year?”';
    expect(attributed(body).map(([, name]) => name)).toEqual(['Mira Osei']);
  });

  it('looks for a sentence’s subject past an opening phrase that names someone else', () => {
    const body = 'Reached by the Harbor Daily News, Tom Harlan waved off the “silly rumors” about his health.';
    expect(attributed(body)).toEqual([['silly rumors', 'Tom Harlan', 'name']]);
  });

  it('takes the sentence’s subject for a participial cue, not the object of “calling”', () => {
    const body = 'Tom Harlan attacked Maria Lopez on Wednesday, calling her plan “a fantasy for the rich.”';
    expect(attributed(body)).toEqual([['a fantasy for the rich.', 'Tom Harlan', 'name']]);
  });
});

describe('pronouns, descriptions and organisations', () => {
  it('resolves "she said" to the nearest woman named, past a nearer man', () => {
    const body = 'Maria Lopez met Tom Harlan in Lisbon on Monday. “We agreed on nothing at all today,” she said.';
    expect(attributed(body)).toEqual([['We agreed on nothing at all today,', 'Maria Lopez', 'pronoun']]);
  });

  it('resolves "he said" to the subject of the sentence before, not to the last man named', () => {
    const body = 'Tom Harlan went after Mark Ruiz at the debate on Monday. “That plan will never work in this state,” he said.';
    expect(attributed(body)).toEqual([['That plan will never work in this state,', 'Tom Harlan', 'pronoun']]);
  });

  it('resolves "he said" by a gendered title when the first name says nothing', () => {
    const body = 'Mr. Kestrel Vaughn met Dana Whitfield on Monday. Ms. Whitfield left early. “We will be back next week,” he said.';
    expect(quotes(body)[0]?.speakerName).toMatch(/Vaughn$/);
  });

  it('gives an organisation named at the cue, and "the company" to the company named before', () => {
    const body =
      '“We will not comment on rumors about the merger,” the Harbor Shipping Company said in a statement.\n\n' +
      'Its shares fell sharply. “Our customers will see no change at all,” the company said.';
    const found = quotes(body);
    expect(found.map((q) => [q.speakerKey, q.speakerSource])).toEqual([
      ['ORG:harbor shipping company', 'name'],
      ['ORG:harbor shipping company', 'description'],
    ]);
  });

  it('says so when a description or a document names nobody', () => {
    const body = '“The bridge will be closed until the end of May,” a city official said.\n\n“Prices rose sharply across the region this spring,” the report said.';
    expect(attributed(body)).toEqual([
      ['The bridge will be closed until the end of May,', null, 'description'],
      ['Prices rose sharply across the region this spring,', null, 'description'],
    ]);
  });
});

describe('across paragraphs', () => {
  it('does not carry a speaker past a paragraph without quotes, nor into a paragraph that names someone else', () => {
    const past = '“The first quote here is mine,” Park Jin said.\n\nThe hall emptied slowly after that.\n\n“This paragraph names no speaker at all.”';
    expect(attributed(past)).toEqual([
      ['The first quote here is mine,', 'Park Jin', 'name'],
      ['This paragraph names no speaker at all.', null, 'unknown'],
    ]);
    const other = '“The first quote here is mine,” Park Jin said.\n\n“This one has no cue of its own.” Mira Osei walked out before the end.';
    expect(attributed(other).map(([, name]) => name)).toEqual(['Park Jin', null]);
  });

  it('gives a quote to the subject of the sentence before when that sentence ends on its cue verb ("Harlan agreed.")', () => {
    const body = '“Prices will fall before the summer,” Mira Osei said. Tom Harlan agreed. “They will fall by the spring at the latest.”';
    expect(attributed(body).map(([, name]) => name)).toEqual(['Mira Osei', 'Tom Harlan']);
  });

  it('gives a paragraph-opening quote to the subject of a colon-ended introduction before it', () => {
    const body = 'At the rally, Tom Harlan told the crowd:\n\n“We will build the bridge and we will pay for it.”';
    expect(attributed(body)).toEqual([['We will build the bridge and we will pay for it.', 'Tom Harlan', 'name']]);
  });

  it('attributes a quote continued into the next paragraph by its closing attribution', () => {
    const body = '“The first part of the statement runs on.\n\n“And the second part ends here,” Mira Osei said.';
    expect(attributed(body)).toEqual([['The first part of the statement runs on.\n\nAnd the second part ends here,', 'Mira Osei', 'name']]);
  });
});

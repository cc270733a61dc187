import {
  isAgencyIdLine,
  isCharacterCounter,
  isCommentBoxStart,
  isOperatorInitialsLine,
  isPromoLine,
  isTimestampLine,
  isWidgetLine,
  readBreadcrumbs,
} from './debris';

describe('page furniture lines', () => {
  it('recognises rows of share and print widget words, but not ordinary short lines', () => {
    expect(isWidgetLine('print dictionary print')).toBe(true);
    expect(isWidgetLine('Share | Facebook | Twitter | Email')).toBe(true);
    expect(isWidgetLine('lock icon')).toBe(true);
    expect(isWidgetLine('More')).toBe(false);
    expect(isWidgetLine('Print media is in decline')).toBe(false);
  });

  it('reads breadcrumb trails without their Home segment', () => {
    expect(readBreadcrumbs('Home > National > Diplomacy')).toEqual(['National', 'Diplomacy']);
    expect(readBreadcrumbs('World › Asia')).toEqual(['World', 'Asia']);
    expect(readBreadcrumbs('Profits rose > 10% in the quarter, the company said.')).toBeNull();
    expect(readBreadcrumbs('No arrows here')).toBeNull();
  });

  it('recognises the start of a comment box and a character counter', () => {
    expect(isCommentBoxStart('Log in to Twitter or Facebook account to connect')).toBe(true);
    expect(isCommentBoxStart('To write comments, please log in.')).toBe(true);
    expect(isCommentBoxStart('Comments (12)')).toBe(true);
    expect(isCommentBoxStart('The minister declined to comment on the report.')).toBe(false);
    expect(isCharacterCounter('Community rules (0/500)')).toBe(true);
    expect(isCharacterCounter('0 / 300 characters')).toBe(true);
    expect(isCharacterCounter('Turnout was 52/100 in the poll')).toBe(false);
  });
});

describe('wire trailer lines', () => {
  it('recognises a syndication ID: one long token starting with letters, holding a long digit run', () => {
    expect(isAgencyIdLine('NEWSWIRE20250107000011ID1234567890')).toBe(true);
    expect(isAgencyIdLine('COVID19')).toBe(false);
    expect(isAgencyIdLine('2025010700001122334455')).toBe(false);
    expect(isAgencyIdLine('The code was AB1234567 today')).toBe(false);
  });

  it('recognises lower-case operator initials only', () => {
    expect(isOperatorInitialsLine('mk')).toBe(true);
    expect(isOperatorInitialsLine('(tm/ab)')).toBe(true);
    expect(isOperatorInitialsLine('OK')).toBe(false);
    expect(isOperatorInitialsLine('The end.')).toBe(false);
  });
});

describe('share rows, promos and date stamps', () => {
  it('recognises share rows with their connecting words, but not a sentence about sharing', () => {
    expect(isWidgetLine('Share on Facebook | Share on X | Email')).toBe(true);
    expect(isWidgetLine('Follow us on Twitter and Facebook')).toBe(true);
    expect(isWidgetLine('Share this story')).toBe(true);
    expect(isWidgetLine('Follow us')).toBe(false);
    expect(isWidgetLine('Shares fell on Monday.')).toBe(false);
  });

  it('recognises a labelled promo for another story, but not a sentence starting with the same word', () => {
    expect(isPromoLine('Read more: Ferry routes cut as fuel costs climb')).toBe(true);
    expect(isPromoLine('Also read | Rates held steady')).toBe(true);
    expect(isPromoLine('Related coverage of the vote continued on Tuesday, officials said.')).toBe(false);
    expect(isPromoLine('Read more')).toBe(false);
  });

  it('recognises a bare date stamp, not a sentence holding a date', () => {
    expect(isTimestampLine('2025/02/28 14:05 EAT')).toBe(true);
    expect(isTimestampLine('2025-02-28 14:05:00 +09:00')).toBe(true);
    expect(isTimestampLine('2025.02.28')).toBe(true);
    expect(isTimestampLine('2025-02-28 was the last day of trading.')).toBe(false);
  });
});

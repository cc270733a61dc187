import { salientEntities } from './salient-entities';

describe('salient entities', () => {
  const entity = (key: string, type: string, starts: number[]) => ({ key, type, mentions: starts.map((start) => ({ start })) });

  it('keeps people, organisations and places named twice or in the lede, most mentioned first, and drops MISC', () => {
    const keys = salientEntities([
      entity('GPE:seoul', 'GPE', [900]),
      entity('PERSON:antony blinken', 'PERSON', [10, 500, 700]),
      entity('MISC:korean', 'MISC', [20, 30, 40]),
      entity('ORG:un', 'ORG', [50]),
      entity('GPE:france', 'GPE', [1200, 1300]),
    ]);
    expect(keys).toEqual(['PERSON:antony blinken', 'GPE:france', 'ORG:un']);
  });
});

import { parsePersonName, roleAtStart, roleBefore } from './names';

describe('parsePersonName', () => {
  it.each([
    ['Antony Blinken', false, 'blinken'],
    ['Lloyd Austin', false, 'austin'],
    ['Yoon Suk Yeol', true, 'yoon'],
    ['Cho Tae-yul', true, 'cho'],
    ['Park Jin', true, 'park'],
    ['Xi Jinping', true, 'xi'],
    ['Kim Jong Un', true, 'kim'],
    ['Kim Clijsters', false, 'clijsters'],
    ['John Park', false, 'park'],
    ['Martin Luther King Jr.', false, 'king'],
    ['Mohammed bin Salman', false, 'salman'],
  ])('%s: family name first = %s, surname key %s', (name, familyFirst, surname) => {
    const parsed = parsePersonName(name);
    expect(parsed.familyFirst).toBe(familyFirst);
    expect(parsed.surnameKeys[0]).toBe(surname);
  });

  it('lets a bare surname without the Arabic article match ("Assad")', () => {
    expect(parsePersonName('Bashar al-Assad').surnameKeys).toEqual(['al assad', 'assad']);
  });

  it('folds hyphens, accents and case in the matching key', () => {
    expect(parsePersonName('Yoon Suk-yeol').key).toBe(parsePersonName('Yoon Suk Yeol').key);
    expect(parsePersonName('José Núñez').key).toBe('jose nunez');
  });
});

describe('roles', () => {
  it('finds the title right before a name, longest first, with modifiers', () => {
    const text = 'Talks with US Secretary of State Maria Lopez and Acting President Oh Se-jin and Mr. Lee.';
    expect(roleBefore(text, text.indexOf('Maria'))).toBe('Secretary of State');
    expect(roleBefore(text, text.indexOf('Oh'))).toBe('Acting President');
    expect(roleBefore(text, text.indexOf('Lee'))).toBe('Mr.');
  });

  it('finds no role when the word before the name is not a title', () => {
    const text = 'North Korean Foreign Ri Son-gwon and the minister Kang Min.';
    expect(roleBefore(text, text.indexOf('Ri'))).toBeNull();
    expect(roleBefore(text, text.indexOf('Kang'))).toBeNull();
  });

  it('cuts a title off the start of a span that includes it', () => {
    expect(roleAtStart('Foreign Minister Park Jin')).toEqual({ role: 'Foreign Minister', cut: 'Foreign Minister '.length });
    expect(roleAtStart('Park Jin')).toBeNull();
  });
});

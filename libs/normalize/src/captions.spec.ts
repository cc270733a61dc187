import { captionCredits, isCaption } from './captions';

describe('isCaption', () => {
  it.each([
    ['Firefighters work at the scene on Sunday. [YONHAP]'],
    ['A protester holds a sign in front of parliament. [AP/YONHAP]'],
    ['Delegates pose for a photo. [JOONGANG PHOTO]'],
    ['The dam at dusk on Sunday. (AP Photo/Jan Novak)'],
    ['Children play in the snow. (Photo: Reuters)'],
  ])('recognises %j as a caption', (text) => {
    expect(isCaption(text)).toBe(true);
  });

  it.each([
    ['He said the deal was "a good one [sic]"'],
    ['BY JANE DOE [jane@example.com]'],
    ['The minister resigned on Friday.'],
    ['Talks ended without a deal. [END]'],
    [`${'A long paragraph that ends with a credit. '.repeat(30)}[YONHAP]`],
  ])('does not take %j for a caption', (text) => {
    expect(isCaption(text)).toBe(false);
  });
});

describe('captionCredits', () => {
  it('names the agencies a caption credits, readably', () => {
    expect(captionCredits('Firefighters at the scene. [YONHAP]')).toEqual(['Yonhap']);
    expect(captionCredits('A protester outside parliament. [AP/YONHAP]')).toEqual(['AP', 'Yonhap']);
    expect(captionCredits('The dam at dusk. (AP Photo/Jan Novak)')).toEqual(['AP']);
    expect(captionCredits('Snow in the park. (Photo: Reuters)')).toEqual(['Reuters']);
    expect(captionCredits('Delegates at the summit. [NEWSIS PHOTO]')).toEqual(['Newsis']);
  });

  it('credits no agency for screen captures and courtesy pictures', () => {
    expect(captionCredits('A still from the video. [SCREEN CAPTURE]')).toEqual([]);
    expect(captionCredits('The winning team. [COURTESY OF THE CLUB]')).toEqual([]);
  });
});

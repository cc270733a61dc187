import path from 'node:path';
import { createDetector, eldModule, expandLanguageModel, readLanguageModel, type CompactLanguageModel } from './language';

interface EldResult {
  language: string;
  getScores(): Record<string, number>;
}

/** eld as it ships: the detector with its database imported as a JavaScript module. */
const shipped = () => eldModule<{ eld: { detect(text: string): EldResult } }>(path.join('entries', 'static.medium.js')).eld;
const shippedNgrams = () => eldModule<{ ngramsData: { type: string; languages: Record<string, string>; ngrams: Record<string, Record<string, number>> } }>(path.join('ngrams', 'medium.js')).ngramsData;

/** Invented one-line news sentences, one per language, with the language each is in. */
const SENTENCES: Array<[string, string]> = [
  ['en', 'The harbour authority said on Tuesday that two ferries would stay in port until the storm passes.'],
  ['de', 'Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss im Frühjahr abzureißen.'],
  ['fr', 'Le conseil municipal a voté mardi la fermeture de la piscine pendant les travaux de l’été prochain.'],
  ['es', 'El ayuntamiento anunció el martes que el mercado central abrirá de nuevo después de las obras.'],
  ['it', 'Il sindaco ha detto martedì che la biblioteca comunale riaprirà entro la fine del mese prossimo.'],
  ['pt', 'O governo regional anunciou na terça-feira novas linhas de autocarro entre as aldeias do interior.'],
  ['nl', 'De gemeente maakte dinsdag bekend dat de nieuwe fietsbrug over het kanaal in het voorjaar opengaat.'],
  ['pl', 'Władze miasta poinformowały we wtorek, że nowa linia tramwajowa zostanie otwarta jesienią.'],
  ['sv', 'Kommunen meddelade på tisdagen att den nya simhallen öppnar för allmänheten i början av hösten.'],
  ['ru', 'Городские власти во вторник сообщили, что новый мост через реку откроют к концу следующего года.'],
  ['el', 'Ο δήμαρχος ανακοίνωσε την Τρίτη ότι η νέα βιβλιοθήκη της πόλης θα ανοίξει τον επόμενο μήνα.'],
  ['tr', 'Belediye salı günü yaptığı açıklamada yeni köprünün gelecek yılın sonunda hizmete gireceğini bildirdi.'],
  ['ar', 'أعلنت البلدية يوم الثلاثاء أن الجسر الجديد فوق النهر سيفتح أمام السيارات في نهاية العام المقبل.'],
  ['ja', '市当局は火曜日、川に架かる新しい橋が来年末に開通する見通しだと発表した。'],
  ['zh', '市政府周二宣布，横跨河流的新大桥预计将于明年年底正式通车。'],
  ['ko', '시 당국은 화요일 강을 가로지르는 새 다리가 내년 말에 개통될 예정이라고 발표했다.'],
];

describe('the language model read from its compact JSON form', () => {
  const model = readLanguageModel();

  it('was written from the eld version that is installed', () => {
    // eld's package.json, found as its sources are (its `exports` do not list it).
    const installed = eldModule<{ version: string }>(path.join('..', 'package.json'));
    // After an eld upgrade: `npm run build:language-model`.
    expect(model.eldVersion).toBe(installed.version);
  });

  it('holds exactly the n-gram scores of eld’s own medium database', () => {
    const expanded = expandLanguageModel(model);
    const original = shippedNgrams();
    expect(expanded.type).toBe(original.type);
    expect(expanded.languages).toEqual(original.languages);
    expect(Object.keys(expanded.ngrams).length).toBe(Object.keys(original.ngrams).length);
    const differing = Object.keys(original.ngrams).filter((ngram) => JSON.stringify(expanded.ngrams[ngram]) !== JSON.stringify(original.ngrams[ngram]));
    expect(differing).toEqual([]);
  });

  it('gives the same language and scores as eld as it ships, sentence by sentence', () => {
    const compact = createDetector(model) as unknown as { detect(text: string): EldResult };
    const original = shipped();
    for (const [language, sentence] of SENTENCES) {
      const ours = compact.detect(sentence);
      expect({ sentence, language: ours.language }).toEqual({ sentence, language });
      expect(ours.getScores()).toEqual(original.detect(sentence).getScores());
    }
  });

  it('shares one score table between n-grams that have the same scores', () => {
    const seen = new Map<number, string>();
    const pair = Object.keys(model.ngrams).map((ngram) => {
      const earlier = seen.get(model.ngrams[ngram]);
      seen.set(model.ngrams[ngram], ngram);
      return earlier === undefined ? null : [earlier, ngram];
    }).find((found) => found !== null);
    expect(pair).toBeDefined();
    const [first, second] = pair!;
    const expanded = expandLanguageModel(model);
    expect(expanded.ngrams[first]).toBe(expanded.ngrams[second]);
  });

  it('refuses a model whose n-gram names a score table it does not have', () => {
    const broken: CompactLanguageModel = { ...model, ngrams: { ...model.ngrams, ' zzz ': model.scores.length } };
    expect(() => expandLanguageModel(broken)).toThrow(/names no score table/);
  });
});

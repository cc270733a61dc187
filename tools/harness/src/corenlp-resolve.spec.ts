import { corenlpPom } from './corenlp-resolve';

describe('corenlpPom', () => {
  it('asks Maven for CoreNLP and its models jar at the same version', () => {
    const pom = corenlpPom('4.5.10');
    const dependencies = [...pom.matchAll(/<dependency>(.*?)<\/dependency>/g)].map((m) => m[1]);
    expect(dependencies).toHaveLength(2);
    for (const d of dependencies) expect(d).toContain('<groupId>edu.stanford.nlp</groupId><artifactId>stanford-corenlp</artifactId><version>4.5.10</version>');
    expect(dependencies[1]).toContain('<classifier>models</classifier>');
  });
});

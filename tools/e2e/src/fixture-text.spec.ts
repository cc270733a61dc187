import { readdirSync } from 'node:fs';
import path from 'node:path';
import { inspect } from '@wirestream/cli';
import { REPO_ROOT } from '@wirestream/harness';
import { textDefect } from './text-defects';

/**
 * The project's own sample stories and normalizer fixtures, read by the stage code as the pipeline
 * reads them: no stored text holds raw markup, character references, control characters or mojibake.
 */
const DIRECTORIES = [path.join(REPO_ROOT, 'samples', 'stories'), path.join(REPO_ROOT, 'libs', 'normalize', 'src', 'fixtures')];
const FILES = DIRECTORIES.flatMap((directory) => readdirSync(directory).sort().map((name) => path.join(directory, name)));

describe("the project's fixtures", () => {
  it('are all here to be read', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(11);
  });

  it.each(FILES.map((file) => [path.relative(REPO_ROOT, file), file]))('%s reads to clean text', async (_name, file) => {
    const stories = await inspect(file);
    expect(stories.length).toBeGreaterThan(0);
    for (const story of stories) {
      if ('error' in story) throw new Error(`${story.documentUri}: ${story.error}`);
      const { headline, subheadline, body, captions } = story.article;
      for (const text of [headline ?? '', subheadline ?? '', body, ...captions]) expect(textDefect(text)).toBeNull();
    }
  });
});

import {
  CandidatesBySubject,
  nearDuplicatePairs,
  sketchLookupKeys,
  type BoilerplateHashes,
  type SketchNeighbour,
  type StoredCandidate,
  type StoryCandidate,
  type StoryRule,
} from '@wirestream/stories';
import type { EntityManager } from 'typeorm';
import type { PreparedArticle } from '../articles/prepared-article';

/** Same-event candidates fetched per article of a batch, at most. */
const STORY_CANDIDATE_LIMIT = 50;
/**
 * Articles read per salient entity of an article when looking for others about the same event:
 * the most recent in the date window. A big running story names the same entities in thousands of
 * articles a day; reading them all would make every batch slower as the story grows.
 */
const SAME_EVENT_ROWS_PER_ENTITY = 200;
/** Sketch keys per GIN lookup (see sketchNeighbours). */
const SKETCH_KEYS_PER_LOOKUP = 128;
/** Rows a sketch lookup reads per key asked, at most (a batch's articles have 8 hashes each, in two periods per date). */
const ROWS_PER_SKETCH_KEY = 8;
/** Passes of one sketch lookup, at most, each leaving out the boilerplate hashes the last one found. */
const SKETCH_LOOKUP_PASSES = 3;

/** An article row as a candidate needs it. */
type CandidateRow = { article_id: string; story_id: string | null; simhash: string | null; published_at: Date | null; salient_entities: string[] };

/**
 * Stored articles that may share a story with the batch's articles: those sharing a sketch hash in
 * a period near their dates (GIN lookups of a hundred-odd keys) within the rule's Hamming
 * distance, and those dated within the window that share enough salient entities (index range
 * scans on article_salient_entities, a week of it at a time: see SalientEntitiesByWeek).
 */
export async function storyCandidates(
  manager: EntityManager,
  articles: PreparedArticle[],
  rule: StoryRule,
  boilerplate: BoilerplateHashes,
): Promise<Map<string, StoryCandidate[]>> {
  const candidates = new CandidatesBySubject();
  const neighbours = await sketchNeighbours(manager, articles, rule, boilerplate);
  for (const { subjectId, neighbour } of nearDuplicatePairs(articles, neighbours, boilerplate, rule.maxHammingDistance)) candidates.add(subjectId, neighbour);
  for (const { subjectId, row } of await sameEventRows(manager, articles, rule)) candidates.add(subjectId, storedCandidate(row));
  return candidates.toMap();
}

function storedCandidate(row: CandidateRow): StoredCandidate {
  return {
    articleId: row.article_id,
    storyId: row.story_id === null ? null : String(row.story_id),
    simhash: row.simhash === null ? null : BigInt(row.simhash),
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    salientEntities: row.salient_entities,
  };
}

/**
 * Stored articles sharing a sketch hash with the batch's articles in a period near their dates (see
 * sketchLookupKeys), leaving out boilerplate hashes. The keys are looked up in groups of
 * SKETCH_KEYS_PER_LOOKUP, one GIN lookup per group (all in one statement): GIN checks every key of
 * a lookup against every row it finds, so one lookup for the whole batch's thousands of keys cost
 * their number times the rows they match, while a lookup per key costs more in fixed overhead than
 * it saves. The rows teach `boilerplate` new hashes; groups that came back full and taught some are
 * looked up again without them.
 */
async function sketchNeighbours(manager: EntityManager, articles: PreparedArticle[], rule: StoryRule, boilerplate: BoilerplateHashes): Promise<SketchNeighbour[]> {
  const hashByKey = new Map<number, number>();
  for (const article of articles) {
    for (const [key, hash] of sketchLookupKeys(article.sketch, article, rule.nearDuplicateMaxDays)) hashByKey.set(key, hash);
  }
  const batchKeys = [...hashByKey.keys()];
  let groups: number[][] = [];
  for (let from = 0; from < batchKeys.length; from += SKETCH_KEYS_PER_LOOKUP) groups.push(batchKeys.slice(from, from + SKETCH_KEYS_PER_LOOKUP));
  const neighbours = new Map<string, SketchNeighbour>();
  // Sketch hashes are chosen to be rare, so the GIN index is always the plan; without fresh
  // statistics (a table filling up) the planner would scan the table instead.
  await manager.query(`SET LOCAL enable_seqscan = off`);
  for (let pass = 1; pass <= SKETCH_LOOKUP_PASSES; pass++) {
    groups = groups.map((group) => group.filter((key) => !boilerplate.has(hashByKey.get(key)!))).filter((group) => group.length > 0);
    if (groups.length === 0) break;
    const rows: Array<CandidateRow & { shingle_sketch: number[]; lookup: number }> = await manager.query(
      `SELECT g.lookup, x.* FROM unnest($1::text[]) WITH ORDINALITY AS g(keys, lookup)
         CROSS JOIN LATERAL (
           SELECT article_id, story_id, simhash, published_at, salient_entities, shingle_sketch FROM articles
            WHERE sketch_keys && g.keys::bigint[]
            LIMIT $2 * cardinality(g.keys::bigint[])) x`,
      [groups.map((group) => `{${group.join(',')}}`), ROWS_PER_SKETCH_KEY],
    );
    const byLookup = groups.map((): SketchNeighbour[] => []);
    for (const row of rows) {
      const neighbour: SketchNeighbour = { ...storedCandidate(row), sketch: row.shingle_sketch };
      byLookup[Number(row.lookup) - 1].push(neighbour);
      neighbours.set(neighbour.articleId, neighbour);
    }
    // Only a group that came back full may have missed rows, and only if it learnt what filled it.
    groups = groups.filter(
      (group, index) =>
        boilerplate.learn(byLookup[index], new Set(group.map((key) => hashByKey.get(key)!))) && byLookup[index].length >= ROWS_PER_SKETCH_KEY * group.length,
    );
  }
  await manager.query(`RESET enable_seqscan`);
  return [...neighbours.values()];
}

/** Stored articles dated within the window that share enough salient entities with a dated article of the batch, best first. */
async function sameEventRows(manager: EntityManager, articles: PreparedArticle[], rule: StoryRule): Promise<Array<{ subjectId: string; row: CandidateRow }>> {
  const dated = articles.filter((article) => article.publishedAt && article.salientEntities.length >= rule.minSharedEntities);
  if (dated.length === 0) return [];
  const subjects = JSON.stringify(
    dated.map((article) => ({ article_id: article.articleId, salient: article.salientEntities, published_at: article.publishedAt!.toISOString() })),
  );
  const rows: Array<CandidateRow & { subject_id: string }> = await manager.query(
    `WITH subject AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS s(article_id text, salient text[], published_at timestamptz)
     ), shared AS (
       SELECT s.article_id AS subject_id, x.article_id, count(*) AS shared_entities
         FROM subject s CROSS JOIN LATERAL unnest(s.salient) AS k(entity_key)
         CROSS JOIN LATERAL (
           -- Newest week first, newest rows first in each: the first rows are the newest of the
           -- window, with no sort (a nested loop keeps its outer side's order). The step is
           -- salient_week's stride (SalientEntitiesByWeek).
           SELECT w.article_id
             FROM generate_series(salient_week(s.published_at + $2::interval), salient_week(s.published_at - $2::interval), interval '-168 hours') AS p(week)
            CROSS JOIN LATERAL (
              SELECT e.article_id FROM article_salient_entities e
               WHERE salient_week(e.published_at) = p.week AND e.entity_key = k.entity_key
                 AND e.published_at BETWEEN s.published_at - $2::interval AND s.published_at + $2::interval
                 AND e.article_id <> s.article_id
               ORDER BY e.published_at DESC
               LIMIT $4
            ) w
            LIMIT $4
         ) x
        GROUP BY s.article_id, x.article_id
       HAVING count(*) >= $3
     ), best AS (
       SELECT subject_id, article_id,
              row_number() OVER (PARTITION BY subject_id ORDER BY shared_entities DESC, article_id) AS rank
         FROM shared
     )
     SELECT best.subject_id, a.article_id, a.story_id, a.simhash, a.published_at, a.salient_entities
       FROM best JOIN articles a ON a.article_id = best.article_id
      WHERE best.rank <= $5 AND a.story_id IS NOT NULL`,
    // In hours: the rule's days are 24 hours, where '3 days' would follow the session's time zone across a daylight-saving change.
    [subjects, `${rule.sameEventMaxDays * 24} hours`, rule.minSharedEntities, SAME_EVENT_ROWS_PER_ENTITY, STORY_CANDIDATE_LIMIT],
  );
  return rows.map((row) => ({ subjectId: row.subject_id, row }));
}

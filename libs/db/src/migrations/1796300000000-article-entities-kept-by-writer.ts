import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `article_entities` rows are written by one writer (ArticleStore), in the transaction that writes
 * their article, with the entity ids it has just read or inserted, and neither is ever deleted by
 * the pipeline. Its two foreign keys checked that again for every row (about 28 per article), each
 * check an index probe and a row lock on the referenced article or entity: storing the benchmark
 * corpus's 3,000 stories, the mention insert took 740 µs of Postgres time per article with them and
 * 370 µs without, and storage is the pipeline's slowest stage. What the keys also did, deleting an
 * article's or entity's rows with it (ON DELETE CASCADE, and TRUNCATE … CASCADE), statement-level
 * triggers keep doing. A job that one day deletes or merges entities must take ArticleStore's
 * entity lock (ENTITY_LOCK_KEY) exclusively, which every batch holds shared: the keys' row locks no
 * longer keep an entity from going while a batch links to it. (Comment updated at stop 16, when
 * batches began to write mentions before taking the story lock.)
 */
export class ArticleEntitiesKeptByWriter1796300000000 implements MigrationInterface {
  name = 'ArticleEntitiesKeptByWriter1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE article_entities DROP CONSTRAINT article_entities_article_id_fkey, DROP CONSTRAINT article_entities_entity_id_fkey`);
    await queryRunner.query(`
      CREATE FUNCTION truncate_article_entities() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        TRUNCATE article_entities;
        RETURN NULL;
      END $$`);
    for (const { parent, key, column } of CASCADES) {
      await queryRunner.query(`
        CREATE FUNCTION delete_article_entities_of_${parent}() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
          DELETE FROM article_entities m USING deleted d WHERE m.${column} = d.${key};
          RETURN NULL;
        END $$`);
      await queryRunner.query(`
        CREATE TRIGGER ${parent}_delete_article_entities AFTER DELETE ON ${parent}
          REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION delete_article_entities_of_${parent}()`);
      await queryRunner.query(`
        CREATE TRIGGER ${parent}_truncate_article_entities AFTER TRUNCATE ON ${parent}
          FOR EACH STATEMENT EXECUTE FUNCTION truncate_article_entities()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { parent } of CASCADES) {
      await queryRunner.query(`DROP TRIGGER ${parent}_truncate_article_entities ON ${parent}`);
      await queryRunner.query(`DROP TRIGGER ${parent}_delete_article_entities ON ${parent}`);
      await queryRunner.query(`DROP FUNCTION delete_article_entities_of_${parent}()`);
    }
    await queryRunner.query(`DROP FUNCTION truncate_article_entities()`);
    // Rows whose article or entity went while no key held them would fail the keys: they go first.
    await queryRunner.query(`DELETE FROM article_entities m WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = m.article_id) OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = m.entity_id)`);
    await queryRunner.query(`
      ALTER TABLE article_entities
        ADD CONSTRAINT article_entities_article_id_fkey FOREIGN KEY (article_id) REFERENCES articles (article_id) ON DELETE CASCADE,
        ADD CONSTRAINT article_entities_entity_id_fkey FOREIGN KEY (entity_id) REFERENCES entities (id) ON DELETE CASCADE`);
  }
}

const CASCADES = [
  { parent: 'articles', key: 'article_id', column: 'article_id' },
  { parent: 'entities', key: 'id', column: 'entity_id' },
] as const;

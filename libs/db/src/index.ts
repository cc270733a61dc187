export * from './data-source';
export * from './article-store';
export * from './entities/article.entity';
export * from './entities/entity.entity';
export * from './entities/mention.entity';

import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { ArticleDetailDto, ArticlePageDto, ArticleVersionsDto, ErrorDto } from '../common/api.dto';
import { decodeCursor } from '../common/cursor';
import { ARTICLE_ID, DATE_OR_DATE_TIME, limitSchema, parseInput, ROW_ID } from '../common/validation';
import { RequestViewer, type Viewer } from '../common/visibility';
import { ArticlesService } from './articles.service';

const DAY_MS = 86_400_000;

@ApiTags('articles')
@Controller('articles')
export class ArticlesController {
  private readonly querySchema;

  constructor(
    private readonly articles: ArticlesService,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.querySchema = z
      .strictObject({
        q: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
        entity: ROW_ID.optional(),
        source: z.string().min(1, 'must not be empty').max(200).optional(),
        agency: z.string().min(1, 'must not be empty').max(200).optional(),
        from: DATE_OR_DATE_TIME.optional(),
        to: DATE_OR_DATE_TIME.optional(),
        urgency: z
          .string()
          .regex(/^[1-9](?:\.\.[1-9])?$/, 'must be an urgency 1–9 (3) or a range (1..3)')
          .transform((text) => {
            const [min, max = min] = text.split('..').map(Number);
            return { min, max };
          })
          .refine((range) => range.min <= range.max, 'the range must not run backwards (1..3, not 3..1)')
          .optional(),
        limit: limitSchema(config.API_DEFAULT_PAGE_SIZE, config.API_MAX_PAGE_SIZE),
        cursor: z
          .string()
          .max(200)
          .transform((text, context) => decodeCursor(text) ?? (context.addIssue({ code: 'custom', message: 'is not a cursor this API issued' }), z.NEVER))
          .optional(),
      })
      .transform((query) => ({
        ...query,
        from: query.from ? new Date(query.from) : undefined,
        // A date alone means that whole day (UTC), so `to` is inclusive either way.
        before: query.to ? new Date(new Date(query.to).getTime() + (query.to.length === 10 ? DAY_MS : 1)) : undefined,
      }))
      .refine((query) => !query.from || !query.before || query.from < query.before, { message: 'from must not be after to', path: ['to'] });
  }

  @Get()
  @ApiOperation({
    summary: 'Articles, newest first, by full-text query, entity, source, agency and date range',
    description:
      'Filters combine with AND. Dates compare with the published time, or the fetch time when the copy carries no date. Only the current version of a wire item is listed; embargoed copy (until its time, but to keys permitted to see it) and killed or withdrawn items never.',
  })
  @ApiQuery({ name: 'q', required: false, description: 'Full-text query over headline and body (web search syntax: "exact phrase", or, -not).' })
  @ApiQuery({ name: 'entity', required: false, description: 'Entity id: articles that mention it.' })
  @ApiQuery({ name: 'source', required: false, description: 'Source id (feed or drop directory), exact.' })
  @ApiQuery({ name: 'agency', required: false, description: 'Originating agency, case-insensitive exact match ("Kuwait News Agency (KUNA)").' })
  @ApiQuery({ name: 'from', required: false, description: 'Earliest date or date-time, inclusive (2025-01-06 or 2025-01-06T09:00:00Z).' })
  @ApiQuery({ name: 'to', required: false, description: 'Latest date or date-time, inclusive (a date covers the whole day, UTC).' })
  @ApiQuery({ name: 'urgency', required: false, description: 'Urgency the wire stated, 1 (FLASH) to 9: one (1) or an inclusive range (1..3); articles with none are left out.' })
  @ApiQuery({ name: 'limit', required: false, description: 'Page size (default 20, at most 100).' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page.' })
  @ApiOkResponse({ type: ArticlePageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  list(@Query() query: Record<string, unknown>, @RequestViewer() viewer: Viewer): Promise<ArticlePageDto> {
    return this.articles.list(parseInput(this.querySchema, query, 'query parameters'), viewer);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One article with its entities, mentions and quotes',
    description:
      'An earlier version of a wire item is answered, marked not current with the current version\'s id. Embargoed copy is 404 until its time, killed copy always, but to keys permitted to see them; a key permitted to see killed copy gets it with the kill (reason, time).',
  })
  @ApiParam({ name: 'id', description: 'Article id: 32 lowercase hex characters.' })
  @ApiOkResponse({ type: ArticleDetailDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  get(@Param('id') id: string, @RequestViewer() viewer: Viewer): Promise<ArticleDetailDto> {
    return this.articles.get(parseInput(z.object({ id: ARTICLE_ID }), { id }, 'article id').id, viewer);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: "Every version of the article's wire item, oldest first, with the current one marked" })
  @ApiParam({ name: 'id', description: 'Article id of any version: 32 lowercase hex characters.' })
  @ApiOkResponse({ type: ArticleVersionsDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  versions(@Param('id') id: string, @RequestViewer() viewer: Viewer): Promise<ArticleVersionsDto> {
    return this.articles.versions(parseInput(z.object({ id: ARTICLE_ID }), { id }, 'article id').id, viewer);
  }
}

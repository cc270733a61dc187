import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { EntityTypeSchema } from '@wirestream/contracts';
import { z } from 'zod';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { EntityDetailDto, EntityListDto, ErrorDto } from '../common/api.dto';
import { limitSchema, parseInput, ROW_ID } from '../common/validation';
import { EntitiesService } from './entities.service';
import { RequestViewer, type Viewer } from '../common/visibility';

@ApiTags('entities')
@Controller('entities')
export class EntitiesController {
  private readonly searchSchema;

  constructor(
    private readonly entities: EntitiesService,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.searchSchema = z.strictObject({
      q: z
        .string({ error: 'is required' })
        .trim()
        .max(200, 'must be at most 200 characters')
        .refine((text) => /[\p{L}\p{N}]/u.test(text), 'must contain a letter or digit'),
      type: EntityTypeSchema.optional(),
      limit: limitSchema(config.API_DEFAULT_PAGE_SIZE, config.API_MAX_PAGE_SIZE),
    });
  }

  @Get()
  @ApiOperation({ summary: 'Entities by name or alias', description: 'Every word of q must start a word of the canonical name or of an alias.' })
  @ApiQuery({ name: 'q', required: true, description: 'Name, alias or word prefixes ("blinken", "tae yul").' })
  @ApiQuery({ name: 'type', required: false, enum: EntityTypeSchema.options })
  @ApiQuery({ name: 'limit', required: false, description: 'At most this many (default 20, at most 100).' })
  @ApiOkResponse({ type: EntityListDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  search(@Query() query: Record<string, unknown>, @RequestViewer() viewer: Viewer): Promise<EntityListDto> {
    const { q, type, limit } = parseInput(this.searchSchema, query, 'query parameters');
    return this.entities.search(q, type, limit, viewer);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One entity with its latest articles, its quotes and the entities named with it most often' })
  @ApiParam({ name: 'id', description: 'Entity id (from search or an article).' })
  @ApiOkResponse({ type: EntityDetailDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  get(@Param('id') id: string, @RequestViewer() viewer: Viewer): Promise<EntityDetailDto> {
    return this.entities.get(parseInput(z.object({ id: ROW_ID }), { id }, 'entity id').id, viewer);
  }
}

import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { recordAdminAction } from '@wirestream/service-kit';
import { ZodError } from 'zod';
import { FETCHER_CONFIG, type FetcherConfig } from './fetcher.config';
import { BeyondCeilingError, operatorCeiling, withinCeiling } from './source-ceiling';
import { SourceRegistry, type SourceDeclaration } from './source-registry';
import { UrlSourcePoller } from './url-source.poller';

/**
 * The fetcher's admin routes (ADMIN_HTTP_PORT, bearer token): the configured sources with their
 * last poll outcome, and sources added while running, never beyond the operator's ceiling.
 */
@Controller('sources')
export class SourcesController {
  constructor(
    private readonly registry: SourceRegistry,
    private readonly poller: UrlSourcePoller,
    @Inject(FETCHER_CONFIG) private readonly config: FetcherConfig,
  ) {}

  @Get()
  list(): Array<SourceDeclaration & { lastOutcome: string | null }> {
    return this.registry.list().map((source) => ({ ...source, lastOutcome: this.poller.outcomeOf(source.id) }));
  }

  /** Adds a source (same format as one entry of the sources file); it lives until the service stops. */
  @Post()
  @HttpCode(201)
  add(@Body() body: unknown, @Req() request: unknown): SourceDeclaration {
    try {
      const source = this.registry.add(body, (declaration) => withinCeiling(declaration, operatorCeiling(this.config)));
      recordAdminAction(request, `added source ${source.id} (${source.kind} ${source.kind === 'file-drop' ? source.path : source.url})`);
      return source;
    } catch (error) {
      const message =
        error instanceof ZodError
          ? error.issues.map((issue) => `${issue.path.join('.') || 'source'}: ${issue.message}`).join('; ')
          : error instanceof BeyondCeilingError
            ? error.message
            : (error as Error).message;
      recordAdminAction(request, `source refused: ${message}`);
      throw new BadRequestException(message);
    }
  }
}

import { BadRequestException, Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ZodError } from 'zod';
import { SourceRegistry, type SourceDeclaration } from './source-registry';
import { UrlSourcePoller } from './url-source.poller';

/** Lists the configured sources with their last poll outcome, and adds sources while running. */
@Controller('sources')
export class SourcesController {
  constructor(
    private readonly registry: SourceRegistry,
    private readonly poller: UrlSourcePoller,
  ) {}

  @Get()
  list(): Array<SourceDeclaration & { lastOutcome: string | null }> {
    return this.registry.list().map((source) => ({ ...source, lastOutcome: this.poller.outcomeOf(source.id) }));
  }

  /** Adds a source (same format as one entry of the sources file); it lives until the service stops. */
  @Post()
  @HttpCode(201)
  add(@Body() body: unknown): SourceDeclaration {
    try {
      return this.registry.add(body);
    } catch (error) {
      const message = error instanceof ZodError ? error.issues.map((issue) => `${issue.path.join('.') || 'source'}: ${issue.message}`).join('; ') : (error as Error).message;
      throw new BadRequestException(message);
    }
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ErrorDto, StoryDetailDto } from '../common/api.dto';
import { parseInput, ROW_ID } from '../common/validation';
import { StoriesService } from './stories.service';
import { RequestViewer, type Viewer } from '../common/visibility';

@ApiTags('stories')
@Controller('stories')
export class StoriesController {
  constructor(private readonly stories: StoriesService) {}

  @Get(':id')
  @ApiOperation({ summary: 'One story (copies and accounts of one event) with its articles, oldest first' })
  @ApiParam({ name: 'id', description: 'Story id (storyId of an article).' })
  @ApiOkResponse({ type: StoryDetailDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  get(@Param('id') id: string, @RequestViewer() viewer: Viewer): Promise<StoryDetailDto> {
    return this.stories.get(parseInput(z.object({ id: ROW_ID }), { id }, 'story id').id, viewer);
  }
}

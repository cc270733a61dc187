import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WireDto } from './wire.dto';

/** Response shapes, for the OpenAPI document; the services return plain objects of these shapes. */

export class ArticleSummaryDto {
  @ApiProperty({ example: '48fff44adca6524000c764d545f10c4e' }) articleId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) headline!: string | null;
  @ApiProperty({ description: 'First 200 characters of the body.' }) lede!: string;
  @ApiProperty({ example: 'file-drop' }) sourceId!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Who put the copy out where it was read (MENAFN).' }) publisher!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The agency that wrote it (KUNA).' }) originatingAgency!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) publishedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['feed', 'html-meta', 'syndication-header', 'dateline'] }) publishedAtSource!: string | null;
  @ApiProperty({ format: 'date-time' }) fetchedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) language!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Story this article belongs to.' }) storyId!: string | null;
  @ApiProperty() documentUri!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) canonicalUrl!: string | null;
  @ApiProperty({ description: 'A headline with no body text (a FLASH, a BULLETIN, a feed item with a title and a link): follow canonicalUrl or documentUri for the story.' })
  bodyless!: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 9, description: 'Urgency the wire stated, 1 (FLASH) to 9.' }) urgency!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: "The wire item's version (see GET /articles/:id/versions)." }) version!: number | null;
  @ApiProperty({ description: 'This version corrects an earlier one.' }) correction!: boolean;
}

export class ArticlePageDto {
  @ApiProperty({ type: [ArticleSummaryDto] }) items!: ArticleSummaryDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}

export class DatelineDto {
  @ApiPropertyOptional({ type: String, nullable: true }) place!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) dateText!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) agency!: string | null;
}

export class BylineDto {
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String] }) names!: string[];
  @ApiProperty({ type: [String] }) emails!: string[];
}

export class ArticleEntityDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'PERSON:antony blinken' }) key!: string;
  @ApiProperty() canonicalName!: string;
  @ApiProperty({ enum: ['PERSON', 'ORG', 'GPE', 'LOC', 'MISC'] }) type!: string;
  @ApiProperty() mentionCount!: number;
}

export class MentionDto {
  @ApiProperty() entityId!: string;
  @ApiProperty({ description: 'UTF-16 offset into the body (into the dateline\'s place when role is "dateline").' }) start!: number;
  @ApiProperty({ description: 'End offset, exclusive.' }) end!: number;
  @ApiProperty() surface!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Foreign Minister',
    description: 'A title in apposition, or "dateline" for the place of the article\'s dateline (not in the body).',
  })
  role!: string | null;
}

export class QuoteDto {
  @ApiProperty() id!: string;
  @ApiProperty() articleId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) speakerEntityId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) speakerName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The speaker as the copy names them.' }) speakerText!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty() start!: number;
  @ApiProperty() end!: number;
}

export class ArticleTableDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Eastern Conference' }) caption!: string | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
    description: 'Rows of cells, as the copy gives them; the first row may be a header row.',
    example: [['', 'W', 'L', 'Pct'], ['Harbor City', '23', '13', '.639']],
  })
  rows!: string[][];
}

export class ArticleDetailDto extends ArticleSummaryDto {
  @ApiPropertyOptional({ type: String, nullable: true }) subheadline!: string | null;
  @ApiPropertyOptional({ type: DatelineDto, nullable: true }) dateline!: DatelineDto | null;
  @ApiPropertyOptional({ type: BylineDto, nullable: true }) byline!: BylineDto | null;
  @ApiProperty({ type: [String] }) credits!: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) section!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [String] }) captions!: string[];
  @ApiProperty() wordCount!: number;
  @ApiProperty() contentHash!: string;
  @ApiProperty() normalizerVersion!: string;
  @ApiProperty() extractorVersion!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Open the story trace with this id.' }) traceId!: string | null;
  @ApiProperty({ type: [String], description: 'What the normalizer changed or doubted on the way (control characters removed, no body text, …).' })
  processingNotes!: string[];
  @ApiProperty({ type: [ArticleTableDto], description: 'Tables of the copy (sports agate, results, HTML or NITF tables) as rows of cells, not in the body.' })
  tables!: ArticleTableDto[];
  @ApiProperty({ type: [ArticleEntityDto] }) entities!: ArticleEntityDto[];
  @ApiProperty({ type: [MentionDto] }) mentions!: MentionDto[];
  @ApiProperty({ type: [QuoteDto] }) quotes!: QuoteDto[];
  @ApiPropertyOptional({ type: WireDto, nullable: true, description: 'For wire items with an agency id: version, status, embargo and kill.' }) wire!: WireDto | null;
}

export class ArticleVersionDto extends ArticleSummaryDto {
  @ApiPropertyOptional({ type: String, nullable: true }) versionLabel!: string | null;
  @ApiProperty({ enum: ['usable', 'withheld', 'canceled'] }) pubStatus!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) embargoedUntil!: string | null;
  @ApiProperty() current!: boolean;
}

export class ArticleVersionsDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: the article is no wire item with versions; it is listed alone.' }) agencyItemId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The version lists and search show; null when none may be shown.' }) currentArticleId!: string | null;
  @ApiProperty({ type: [ArticleVersionDto], description: 'Oldest version first.' }) items!: ArticleVersionDto[];
}

export class EntityDto {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() canonicalName!: string;
  @ApiProperty({ enum: ['PERSON', 'ORG', 'GPE', 'LOC', 'MISC'] }) type!: string;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiProperty({ description: 'Articles that mention it.' }) articleCount!: number;
}

export class EntityListDto {
  @ApiProperty({ type: [EntityDto] }) items!: EntityDto[];
}

export class CoOccurringEntityDto {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() canonicalName!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'Articles (among the entity\'s latest) that mention both.' }) sharedArticles!: number;
}

export class EntityDetailDto {
  @ApiProperty({ type: EntityDto }) entity!: EntityDto;
  @ApiProperty({ type: [ArticleSummaryDto], description: 'Latest articles; page further with GET /articles?entity=<id>.' }) articles!: ArticleSummaryDto[];
  @ApiProperty({ type: [QuoteDto], description: 'Latest quotes by this entity.' }) quotes!: QuoteDto[];
  @ApiProperty({ type: [CoOccurringEntityDto] }) coOccurring!: CoOccurringEntityDto[];
}

export class StoryDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: "Headline of the story's first article." }) headline!: string | null;
  @ApiProperty() firstArticleId!: string;
  @ApiProperty() articleCount!: number;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) firstPublishedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) lastPublishedAt!: string | null;
}

export class StoryDetailDto {
  @ApiProperty({ type: StoryDto }) story!: StoryDto;
  @ApiProperty({ type: [ArticleSummaryDto], description: 'Oldest first.' }) articles!: ArticleSummaryDto[];
}

export class ErrorDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'invalid parameters' }) message!: string;
  @ApiPropertyOptional({ example: [{ parameter: 'from', message: 'must be a date (2025-01-06) or a date-time with offset (2025-01-06T09:00:00Z)' }] })
  problems?: Array<{ parameter: string; message: string }>;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A kill or withdrawal of an article's agency item, shown only to keys permitted to see killed copy. */
export class KillDto {
  @ApiProperty({ enum: ['canceled', 'withheld'], description: 'canceled: killed for good; withheld: held back, up to the version the notice named.' }) status!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why, as the notice says.' }) reason!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the agency sent the notice (else when it was fetched).' }) killedAt!: string;
  @ApiProperty({ description: 'The notice itself, an article of its own.' }) noticeArticleId!: string;
}

/** What the wire said about an article's life: its agency item, version, status, embargo. */
export class WireDto {
  @ApiProperty({ description: "The agency's id for the item, shared by its versions and its kill." }) agencyItemId!: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) version!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2nd Ld-Writethru' }) versionLabel!: string | null;
  @ApiProperty({ enum: ['usable', 'withheld', 'canceled'], description: 'usable, or a kill or withdrawal notice (shown only to keys permitted to see killed copy).' })
  pubStatus!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) statusNote!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: 'Not shown before this time, but to keys permitted to see embargoed copy.' })
  embargoedUntil!: string | null;
  @ApiProperty({ description: 'This version corrects an earlier one.' }) correction!: boolean;
  @ApiProperty({ description: 'The latest version the caller may see: what lists and search show.' }) current!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The current version, when this is an earlier one.' }) currentArticleId!: string | null;
  @ApiPropertyOptional({ type: KillDto, nullable: true, description: 'Set when the item is killed or withheld (keys permitted to see killed copy only).' })
  kill!: KillDto | null;
}

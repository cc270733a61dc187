/**
 * Span attribute names: the one place they are spelled.
 *
 * Stable semantic conventions come from `@opentelemetry/semantic-conventions` itself. The
 * messaging conventions are still incubating there, and the package advises copying incubating
 * names rather than importing `/incubating` at run time (it may break them in a minor version):
 * attributes.spec.ts checks the copies against the installed package.
 */
export { ATTR_ERROR_TYPE, ATTR_URL_FULL } from '@opentelemetry/semantic-conventions';

// Incubating messaging conventions (copied).
export const ATTR_MESSAGING_SYSTEM = 'messaging.system' as const;
export const ATTR_MESSAGING_DESTINATION_NAME = 'messaging.destination.name' as const;
export const MESSAGING_SYSTEM_VALUE_KAFKA = 'kafka' as const;

// wirestream's own.
/** The story's article id (the Kafka key of every pipeline message): finds a story's spans in every service. */
export const ATTR_WIRESTREAM_ARTICLE_ID = 'wirestream.article_id' as const;
export const ATTR_WIRESTREAM_SOURCE_ID = 'wirestream.source_id' as const;
export const ATTR_WIRESTREAM_DOCUMENT_URI = 'wirestream.document_uri' as const;
export const ATTR_WIRESTREAM_BODY_CHARS = 'wirestream.body_chars' as const;
export const ATTR_WIRESTREAM_CHARSET = 'wirestream.charset' as const;
export const ATTR_WIRESTREAM_ENTITY_COUNT = 'wirestream.entity_count' as const;
export const ATTR_WIRESTREAM_QUOTE_COUNT = 'wirestream.quote_count' as const;
export const ATTR_WIRESTREAM_EXTRACTOR_VERSION = 'wirestream.extractor_version' as const;
/** How many messages the batch a span belongs to holds. */
export const ATTR_WIRESTREAM_BATCH_SIZE = 'wirestream.batch_size' as const;

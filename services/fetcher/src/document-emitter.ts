import { Injectable, Logger } from '@nestjs/common';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { PermanentError, TOPICS, type RawDocumentV1 } from '@wirestream/contracts';
import { deadLetterRecord, MessageProducer, record, TRUNCATED_HEADER, type PreparedRecord } from '@wirestream/kafka';
import {
  ATTR_WIRESTREAM_ARTICLE_ID,
  ATTR_WIRESTREAM_BODY_CHARS,
  ATTR_WIRESTREAM_CHARSET,
  ATTR_WIRESTREAM_DOCUMENT_URI,
  ATTR_WIRESTREAM_SOURCE_ID,
  inSpan,
  linkTo,
  pipelineMetrics,
  SpanKind,
} from '@wirestream/telemetry';

/** Largest slice of a refused document kept in its dead letter (Kafka messages are ~1 MB max). */
const DEAD_LETTER_SAMPLE_BYTES = 256 * 1024;

/**
 * Produces fetched documents to news.raw.v1, each as the root span of its story's trace, and
 * parks documents that cannot be read in the fetcher's dead-letter topic with the reason.
 */
@Injectable()
export class DocumentEmitter {
  private readonly logger = new Logger(DocumentEmitter.name);

  constructor(private readonly producer: MessageProducer) {}

  /**
   * `poll` is the context of the poll that found the documents: each story's trace links to it.
   *
   * A document whose message would be larger than a Kafka message may be (MAX_MESSAGE_BYTES, which
   * the producer, every topic and the consumers share) is refused on its own, with the reason, and
   * the others are sent: large documents are refused, not claim-checked. Returns the refused ones.
   */
  async emit(documents: RawDocumentV1[], poll = context.active()): Promise<RawDocumentV1[]> {
    const records = await Promise.all(
      documents.map((document) =>
        inSpan(
          'wirestream-fetcher',
          `fetch ${document.source.id}`,
          {
            parent: ROOT_CONTEXT,
            links: linkTo(poll),
            kind: SpanKind.PRODUCER,
            attributes: {
              [ATTR_WIRESTREAM_ARTICLE_ID]: document.articleId,
              [ATTR_WIRESTREAM_SOURCE_ID]: document.source.id,
              [ATTR_WIRESTREAM_DOCUMENT_URI]: document.documentUri,
              [ATTR_WIRESTREAM_BODY_CHARS]: document.body.length,
              [ATTR_WIRESTREAM_CHARSET]: document.charset,
            },
          },
          // The record carries the fetch span's context: sent after the span ends, it still continues it.
          async () => record(TOPICS.raw, document.articleId, document, context.active()),
        ),
      ),
    );
    const prepared: PreparedRecord[] = [];
    const refused: RawDocumentV1[] = [];
    for (const [index, outgoing] of records.entries()) {
      try {
        prepared.push(this.producer.prepare(outgoing));
      } catch (error) {
        if (!(error instanceof PermanentError)) throw error;
        const document = documents[index];
        refused.push(document);
        await this.refuse(document.source.id, document.documentUri, Buffer.from(document.body), error);
      }
    }
    await this.producer.sendPrepared(prepared);
    if (prepared.length > 0) pipelineMetrics.fetchOutcomes.inc({ source: documents[0].source.id, outcome: 'emitted' }, prepared.length);
    return refused;
  }

  /** One refused document of a source that was read: logged, counted and dead-lettered. */
  async refuse(sourceId: string, location: string, bytes: Uint8Array | null, error: unknown): Promise<void> {
    this.logger.warn(`refused ${location} from ${sourceId}: ${(error as Error).message}`);
    pipelineMetrics.fetchOutcomes.inc({ source: sourceId, outcome: 'refused' });
    await this.deadLetter(sourceId, location, bytes, error);
  }

  /** The dead letter alone: the reason, where it came from, and the first bytes of what was read. */
  async deadLetter(sourceId: string, location: string, bytes: Uint8Array | null, error: unknown): Promise<void> {
    const sample = bytes ? Buffer.from(bytes.subarray(0, DEAD_LETTER_SAMPLE_BYTES)) : null;
    const headers: Record<string, string> = { 'ws-source-id': sourceId, 'ws-location': location };
    if (bytes && bytes.length > DEAD_LETTER_SAMPLE_BYTES) headers[TRUNCATED_HEADER] = String(bytes.length);
    await this.producer.send([
      deadLetterRecord('fetcher', { topic: `source:${sourceId}`, partition: null, offset: null, key: location, value: sample, headers }, error, 1),
    ]);
  }
}

import type { MessageOf, Stage, Topic } from '@wirestream/contracts';
import type { ConsumedMessage } from './consumed-message';
import type { OutgoingRecord } from './outgoing-record';

export interface ConsumerSpecBase<T extends Topic> {
  /** The stage this consumer belongs to: names its consumer group and dead-letter topic. */
  stage: Stage;
  topic: T;
}

/** One message at a time, each in its own span that continues the producer's trace. */
export interface PerMessageConsumerSpec<T extends Topic> extends ConsumerSpecBase<T> {
  processMessage(message: ConsumedMessage<MessageOf<T>>): Promise<OutgoingRecord[]>;
}

/** A whole batch at once (one database transaction); a failing batch is retried message by message. */
export interface BatchConsumerSpec<T extends Topic> extends ConsumerSpecBase<T> {
  processBatch(messages: ConsumedMessage<MessageOf<T>>[]): Promise<OutgoingRecord[]>;
}

export type ConsumerSpec<T extends Topic> = PerMessageConsumerSpec<T> | BatchConsumerSpec<T>;

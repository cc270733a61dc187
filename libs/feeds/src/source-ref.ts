/** The configured source a document was fetched for: a watched directory or a feed URL. */
export interface SourceRef {
  /** Stable source id; part of every article id from this source. */
  id: string;
  kind: 'file-drop' | 'feed';
  /** The directory or feed URL. */
  uri: string;
}

/** Largest document accepted by default, in bytes (5 MiB). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Errors of the content layer, with a code the UI can turn into a clear message. */

/** Why content could not be given. */
export type ContentErrorCode = 'unknown-work' | 'unknown-section' | 'load-failed';

/** A content error: `code` for the UI, `message` for people and logs. */
export class ContentError extends Error {
  override name = 'ContentError';
  constructor(
    readonly code: ContentErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

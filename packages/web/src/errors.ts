import { SwarmError } from '@swarm/api';

/** The codes of WebError. */
export type WebErrorCode =
  | 'INVALID_ARGUMENT'
  | 'WEB_TOKEN_INVALID'
  | 'WEB_TOKEN_FILE_INSECURE'
  | 'WEB_PAGE_MISSING'
  | 'WEB_LISTEN_FAILED';

/**
 * An error of the web listener: a bad listen address (`INVALID_ARGUMENT`), a token that is too short
 * or has spaces (`WEB_TOKEN_INVALID`), a token file others can read (`WEB_TOKEN_FILE_INSECURE`), the
 * page missing from the installed package (`WEB_PAGE_MISSING`), an address that cannot be bound
 * (`WEB_LISTEN_FAILED`).
 */
export class WebError extends SwarmError<WebErrorCode> {
  override readonly name = 'WebError';
}

/** What went wrong, in terms a panel can explain to an agent. */
export type BackendErrorKind = 'validation' | 'not-found' | 'forbidden' | 'conflict' | 'unavailable' | 'aborted';

/** The one error type every backend method rejects with. */
export class BackendError extends Error {
  readonly kind: BackendErrorKind;
  /** For `validation`: the input field that is wrong. */
  readonly field?: string;
  /** A machine-readable reason, e.g. `too-long`, `invalid-phone`. */
  readonly code?: string;

  constructor(kind: BackendErrorKind, message: string, details: { field?: string; code?: string } = {}) {
    super(message);
    this.name = 'BackendError';
    this.kind = kind;
    this.field = details.field;
    this.code = details.code;
  }
}

export function isBackendError(value: unknown): value is BackendError {
  return value instanceof Error && (value as BackendError).name === 'BackendError' && 'kind' in value;
}

export function abortError(): BackendError {
  return new BackendError('aborted', 'The request was cancelled.');
}

/** A fresh idempotency key for one user action. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

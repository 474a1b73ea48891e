/** What a partner operation can refuse, independent of HTTP; the server maps each kind to a status. */
export type PartnerErrorKind = 'invalid' | 'not_found' | 'conflict';

export interface PartnerErrorDetails {
  /** A stable, machine-readable code (the `code` of a partner/v2 error). */
  code?: string;
  /** JSON Pointer into the request body that caused the error. */
  pointer?: string;
  /** Query parameter that caused the error. */
  parameter?: string;
  /** The entitlement a conflict is about, for the `Location` header. */
  conflictingEntitlementId?: string;
}

export class PartnerError extends Error {
  constructor(
    readonly kind: PartnerErrorKind,
    message: string,
    readonly details: PartnerErrorDetails = {},
  ) {
    super(message);
    this.name = 'PartnerError';
  }
}

export const notFound = (what: string, id: string, details: PartnerErrorDetails = {}): PartnerError =>
  new PartnerError('not_found', `The ${what} '${id}' was not found`, details);

import type { FailureCode } from '../errors/partner-failure.js';

export interface PartnerErrorDetails {
  /** JSON Pointer into the request body that caused the error. */
  pointer?: string;
  /** Query parameter that caused the error. */
  parameter?: string;
  /** The entitlement a conflict is about, for the `Location` header. */
  conflictingEntitlementId?: string;
}

/**
 * What a partner operation refuses, independent of HTTP: a code of the `Failure` catalogue (which gives status and
 * title), or none for a resource that does not exist.
 */
export class PartnerError extends Error {
  constructor(
    readonly code: FailureCode | null,
    message: string,
    readonly details: PartnerErrorDetails = {},
  ) {
    super(message);
    this.name = 'PartnerError';
  }
}

export const notFound = (what: string, id: string, details: PartnerErrorDetails = {}): PartnerError =>
  new PartnerError(null, `The ${what} '${id}' was not found`, details);

import type { FailureCode } from '../errors/partner-failure.js';

/** What a sandbox control refuses, independent of HTTP; answered in the partner `Failure` envelope. */
export class SandboxError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    readonly details: { pointer?: string; parameter?: string } = {},
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}

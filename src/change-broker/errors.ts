import { SdsError } from '../sds/errors.js';

// The Change Broker's refusals, phrased once so that every route says the same thing.

export const signupNotFound = (signupId: string): SdsError =>
  new SdsError('not_found', `The signup '${signupId}' was not found.`, {
    reason: 'Signup not found',
    resolution: 'Check the signup id and the namespace; expired signups are removed some time after they expire.',
    parameters: { SignupId: signupId },
  });

export const notSignupOwner = (signupId: string): SdsError =>
  new SdsError('forbidden', `Only the owner of the signup '${signupId}' may query or change it.`, {
    reason: 'Not the signup owner',
    resolution: 'Call with the client that created the signup.',
    parameters: { SignupId: signupId },
  });

export const signupNotActive = (signupId: string, state: string): SdsError =>
  state === 'Expired'
    ? new SdsError('conflict', `The signup '${signupId}' has expired; expired signups cannot be reactivated.`, {
        reason: 'Signup expired',
        resolution: 'Create a new signup.',
        parameters: { SignupId: signupId, SignupState: state },
      })
    : new SdsError('conflict', `The signup '${signupId}' is ${state}, not Active.`, {
        reason: 'Signup not active',
        resolution:
          state === 'Activating' ? 'Call Get Signup By Id until the signup is Active, then use its bookmark.' : 'Create a new signup over accessible resources.',
        parameters: { SignupId: signupId, SignupState: state },
      });

export const signupLimitReached = (limit: number): SdsError =>
  new SdsError('conflict', `The signup limit of ${limit} has been reached.`, {
    reason: 'Signup limit reached',
    resolution: 'Delete signups that are no longer needed, then retry.',
    parameters: { Limit: String(limit) },
  });

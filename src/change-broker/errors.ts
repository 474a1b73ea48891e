import { AvevaError } from '../errors/aveva.js';

// The Change Broker's refusals, phrased once so that every route says the same thing.

export const signupNotFound = (signupId: string): AvevaError =>
  new AvevaError('signup_not_found', `The signup '${signupId}' was not found.`, {
    resolution: 'Check the signup id and the namespace; expired signups are removed some time after they expire.',
    parameters: { SignupId: signupId },
  });

export const notSignupOwner = (signupId: string): AvevaError =>
  new AvevaError('not_signup_owner', `Only the owner of the signup '${signupId}' may query or change it.`, {
    resolution: 'Call with the client that created the signup.',
    parameters: { SignupId: signupId },
  });

export const signupNotActive = (signupId: string, state: string): AvevaError =>
  state === 'Expired'
    ? new AvevaError('signup_expired', `The signup '${signupId}' has expired; expired signups cannot be reactivated.`, {
        resolution: 'Create a new signup.',
        parameters: { SignupId: signupId, SignupState: state },
      })
    : new AvevaError('signup_not_active', `The signup '${signupId}' is ${state}, not Active.`, {
        resolution:
          state === 'Activating' ? 'Call Get Signup By Id until the signup is Active, then use its bookmark.' : 'Create a new signup over accessible resources.',
        parameters: { SignupId: signupId, SignupState: state },
      });

export const signupLimitReached = (limit: number): AvevaError =>
  new AvevaError('signup_limit_reached', `The signup limit of ${limit} has been reached.`, {
    resolution: 'Delete signups that are no longer needed, then retry.',
    parameters: { Limit: String(limit) },
  });

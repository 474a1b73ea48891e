/**
 * The refusals of the AVEVA error body (SDS and Change Broker), each declared once with its status and the `Reason`
 * it answers with. The body carries no code: the code names the refusal here, the `Reason` is what clients read.
 * `openapi/sds-v1.yaml`, `change-broker-v1.yaml` and `change-broker-push-v1.yaml` list the status and Reason pairs
 * under `x-signups-error-reasons`; test/server/error-catalogues.test.ts keeps them in step.
 */
export interface AvevaEntry {
  status: number;
  reason: string;
}

export const AVEVA_CODES = {
  // Identifiers and bodies (SDS).
  invalid_type_id: { status: 400, reason: 'Invalid type id' },
  invalid_stream_id: { status: 400, reason: 'Invalid stream id' },
  invalid_property_id: { status: 400, reason: 'Invalid property id' },
  mismatched_id: { status: 400, reason: 'Mismatched id' },
  invalid_type: { status: 400, reason: 'Invalid type' },
  invalid_interpolation_mode: { status: 400, reason: 'Invalid InterpolationMode' },
  invalid_extrapolation_mode: { status: 400, reason: 'Invalid ExtrapolationMode' },
  stream_type_not_found: { status: 400, reason: 'Type not found' },
  invalid_index_value: { status: 400, reason: 'Invalid index value' },
  missing_index: { status: 400, reason: 'Missing index' },
  duplicate_index: { status: 400, reason: 'Duplicate index' },
  invalid_removal: { status: 400, reason: 'Invalid removal' },
  invalid_window: { status: 400, reason: 'Invalid window' },
  // Access (SDS).
  stream_access_denied: { status: 403, reason: 'Forbidden' },
  type_access_denied: { status: 403, reason: 'Forbidden' },
  // What is not there (SDS); a namespace gone by the time a write or a change list reads it is a plain Not Found.
  namespace_not_found: { status: 404, reason: 'Namespace not found' },
  namespace_gone: { status: 404, reason: 'Not Found' },
  stream_not_found: { status: 404, reason: 'Stream not found' },
  type_not_found: { status: 404, reason: 'Type not found' },
  type_owner_not_found: { status: 404, reason: 'Owner not found' },
  event_to_remove_not_found: { status: 404, reason: 'Event not found' },
  // Conflicts with what is stored (SDS).
  stream_already_exists: { status: 409, reason: 'Stream already exists' },
  stream_type_change_refused: { status: 409, reason: 'Type change refused' },
  type_already_exists: { status: 409, reason: 'Type already exists' },
  type_in_use: { status: 409, reason: 'Type in use' },
  event_already_exists: { status: 409, reason: 'Event already exists' },
  event_to_replace_not_found: { status: 409, reason: 'Event not found' },
  // Signups and bookmarks (Change Broker).
  bookmark_required: { status: 400, reason: 'Bookmark is not valid' },
  bookmark_invalid: { status: 400, reason: 'Bookmark is not valid' },
  bookmark_expired: { status: 400, reason: 'Bookmark expired' },
  bookmark_foreign: { status: 400, reason: 'Bookmark belongs to another signup' },
  not_signup_owner: { status: 403, reason: 'Not the signup owner' },
  signup_not_found: { status: 404, reason: 'Signup not found' },
  signup_expired: { status: 409, reason: 'Signup expired' },
  signup_not_active: { status: 409, reason: 'Signup not active' },
  signup_limit_reached: { status: 409, reason: 'Signup limit reached' },
  // Communities (Change Broker); the administrative ones reach users through the CLI.
  empty_community_id: { status: 400, reason: 'Bad Request' },
  not_community_member: { status: 403, reason: 'Not a community member' },
  community_mismatch: { status: 403, reason: 'Community-Id does not match the signup' },
  community_not_found: { status: 404, reason: 'Not Found' },
  shared_stream_not_found: { status: 404, reason: 'Not Found' },
  // Webhooks (Change Broker push).
  webhook_url_refused: { status: 400, reason: 'Webhook URL refused' },
  webhook_not_found: { status: 404, reason: 'Webhook not found' },
} as const satisfies Record<string, AvevaEntry>;

export type AvevaCode = keyof typeof AVEVA_CODES;

export interface AvevaErrorDetails {
  /** What to do about it; without one, the body says what is usual for the status. */
  resolution?: string;
  /** The ids or values involved. */
  parameters?: Record<string, string>;
}

/** What an SDS or Change Broker operation refuses, independent of HTTP: the catalogue gives status and Reason. */
export class AvevaError extends Error {
  constructor(
    readonly code: AvevaCode,
    message: string,
    readonly details: AvevaErrorDetails = {},
  ) {
    super(message);
    this.name = 'AvevaError';
  }

  get reason(): string {
    return AVEVA_CODES[this.code].reason;
  }
}

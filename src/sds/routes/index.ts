import type { RouteModule } from '../../server/route-module.js';
import { createOrUpdateStream } from './create-or-update-stream.js';
import { deleteStream } from './delete-stream.js';
import { deleteType } from './delete-type.js';
import { getOrCreateStream } from './get-or-create-stream.js';
import { getOrCreateType } from './get-or-create-type.js';
import { getStream } from './get-stream.js';
import { getStreamAccessControl } from './get-stream-access-control.js';
import { getStreamOwner } from './get-stream-owner.js';
import { getStreams } from './get-streams.js';
import { getType } from './get-type.js';
import { getTypeAccessControl } from './get-type-access-control.js';
import { getTypeOwner } from './get-type-owner.js';
import { getTypes } from './get-types.js';
import { getWindowValues } from './get-window-values.js';
import { insertValues } from './insert-values.js';
import { removeValues } from './remove-values.js';
import { updateStreamAccessControl } from './update-stream-access-control.js';
import { updateTypeAccessControl } from './update-type-access-control.js';
import { updateValues } from './update-values.js';

export const sdsRoutes: readonly RouteModule[] = [
  getTypes,
  getOrCreateType,
  getType,
  getTypeAccessControl,
  updateTypeAccessControl,
  getTypeOwner,
  deleteType,
  getStreams,
  getOrCreateStream,
  createOrUpdateStream,
  getStream,
  deleteStream,
  getStreamAccessControl,
  updateStreamAccessControl,
  getStreamOwner,
  getWindowValues,
  insertValues,
  updateValues,
  removeValues,
];

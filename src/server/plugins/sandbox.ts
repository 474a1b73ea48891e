import { addClockHook, addSandboxHooks } from '../sandbox.js';
import type { AppPlugin } from './plugin.js';

/** On a sandbox server, brings the shared clock up to date before anything in the request reads it. */
export const sandboxClock: AppPlugin = (app, { context }) => {
  if (context.sandbox) addClockHook(app, context.sandbox);
};

/** On a sandbox server, the faults and the request journal; after identity, so that both know the client. */
export const sandboxFaults: AppPlugin = (app, { context }) => {
  if (context.sandbox) addSandboxHooks(app, context.sandbox, context.config);
};

import type { AppPlugin } from './plugin.js';

/** Live streams never finish on their own: end them when the server closes, so that it can drain. */
export const liveStreams: AppPlugin = (app, { context }) => {
  app.addHook('preClose', async () => context.liveStreams.closeAll());
};

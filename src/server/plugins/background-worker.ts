import { BackgroundWorker } from '../../change-broker/worker.js';
import type { AppPlugin } from './plugin.js';

/** Change Broker background work (activation, expiry, purge) runs in every process; leases keep it single. */
export const backgroundWorker: AppPlugin = (app, { context, metrics }) => {
  const { store, clock, config } = context;
  if (!config.changeBroker.backgroundWorker) return;
  const worker = new BackgroundWorker({ db: store.db, dialect: store.dialectOps, clock, config: config.changeBroker }, app.log, metrics, store.signals);
  app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());
};

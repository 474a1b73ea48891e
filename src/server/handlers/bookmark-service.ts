import { Bookmarks } from '../../change-broker/bookmarks.js';
import { getOrCreateSecret } from '../../store/settings.js';
import type { AppContext } from '../app-context.js';

const services = new WeakMap<AppContext, Promise<Bookmarks>>();

/** The app's bookmark service; its key is read once, on first use, from the database all processes share. */
export function bookmarkService(app: AppContext): Promise<Bookmarks> {
  let service = services.get(app);
  if (!service) {
    service = getOrCreateSecret(app.store.db, 'bookmark_key').then((key) => new Bookmarks(key, app.clock, app.config.changeBroker.retentionSeconds));
    service.catch(() => services.delete(app));
    services.set(app, service);
  }
  return service;
}

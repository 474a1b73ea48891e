import { getOrCreateSecret } from '../store/settings.js';
import type { Db } from '../store/database.js';
import { Bookmarks } from './bookmarks.js';
import type { ChangeBrokerContext } from './context.js';

const services = new WeakMap<Db, Promise<Bookmarks>>();

/** The bookmark service of a database; its key is read once, on first use, from the database all processes share. */
export function bookmarkService(ctx: ChangeBrokerContext): Promise<Bookmarks> {
  let service = services.get(ctx.db);
  if (!service) {
    service = getOrCreateSecret(ctx.db, 'bookmark_key').then((key) => new Bookmarks(key, ctx.clock, ctx.config.retentionSeconds));
    service.catch(() => services.delete(ctx.db));
    services.set(ctx.db, service);
  }
  return service;
}

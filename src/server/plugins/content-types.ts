import { Errors } from '../api-error.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../json-depth.js';
import { bodyContentTypes } from '../route-body.js';
import type { AppPlugin } from './plugin.js';

/** The body parsers: JSON (no deeper than MAX_JSON_DEPTH), OAuth2 forms, and a refusal for event streams. */
export const contentTypes: AppPlugin = (app) => {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // AVEVA's clients send Content-Type: application/json on every call, bodiless DELETEs and GETs included.
    if (body === '' && !request.routeOptions.schema?.body) return done(null, undefined);
    if (nestsDeeperThan(body as string, MAX_JSON_DEPTH)) return done(Errors.tooDeep(MAX_JSON_DEPTH), undefined);
    parseJson(request, body as string, done);
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const form: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(body as string)) {
      // RFC 6749 §3.2: request parameters must not be included more than once.
      if (key in form) return done(Errors.oauth('invalid_request', `The parameter '${key}' appears more than once`), undefined);
      form[key] = value;
    }
    done(null, form);
  });
  // The live updates stream answers in text/event-stream; no operation takes a body in it. A parser that refuses one
  // keeps that true and tells the OpenAPI routes that the type is known, so they start without a warning.
  app.addContentTypeParser('text/event-stream', (request, _payload, done) => {
    done(Errors.unsupportedMediaType('text/event-stream', bodyContentTypes(request.routeOptions.schema) ?? []), undefined);
  });
};

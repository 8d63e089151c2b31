import { passportLink } from '../../core/passport/read-presentation.js';
import type { Reading } from './intents.js';

const URLS = /https?:\/\/[^\s<>"'`]+/gi;
/** A compact JWS whose header and payload are JSON objects ("eyJ…"): a passport pasted as text. */
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]*/;
const MENTIONS_PASSPORT = /\bpass ?ports?\b/i;

/** A link as pasted, without the punctuation that ends the sentence around it ("…?t=abc)."). */
function trimmed(url: string): string {
  return url.replace(/[).,;:!?\]}]+$/, '');
}

/**
 * What a message presents, by rule, before any classifier reads it: a passport link (the issuer's
 * `/api/passport/public/p/<id>?t=…`), a passport pasted whole (its JWT), or any link in a message that
 * says it is a passport ("here is my passport: https://…", which the verifier then answers plainly when
 * it is not one). Nothing else is a presentation: a link in any other message is read as usual.
 */
export function passportPresentedIn(text: string): string | undefined {
  if (text.length > 64 * 1024) return undefined;
  const urls = [...text.matchAll(URLS)].map((m) => trimmed(m[0]));
  const link = urls.find((url) => passportLink(url) !== undefined);
  if (link) return link;
  const jwt = JWT.exec(text)?.[0];
  if (jwt) return jwt;
  if (urls[0] && MENTIONS_PASSPORT.test(text)) return urls[0];
  return undefined;
}

/** The reading of a message that presents a passport (see passportPresentedIn), or undefined. */
export function presentationIn(text: string): Reading | undefined {
  const presented = passportPresentedIn(text);
  return presented ? { intent: 'passport', slots: { subjects: [], presented } } : undefined;
}

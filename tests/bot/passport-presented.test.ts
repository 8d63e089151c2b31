import { describe, expect, it } from 'vitest';
import { passportPresentedIn } from '../../bot/language/passport-presented.js';

const LINK = 'https://learning.avonvale.nhs.uk/api/passport/public/p/3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b?t=abcdefghijklmnopqrstuvwxyz012345';
const JWT = `eyJhbGciOiJFUzI1NiIsInR5cCI6InZjK2p3dCJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUubmhzLnVrIn0.${'s'.repeat(86)}`;

describe('a passport pasted into a message (an exact rule, before the classifier)', () => {
  it('when a passport link is in a sentence, then it is the link, without the punctuation around it', () => {
    expect(passportPresentedIn(`here is my passport from my last trust: ${LINK}.`)).toBe(LINK);
    expect(passportPresentedIn(`(${LINK})`)).toBe(LINK);
    expect(passportPresentedIn(`see https://example.com and ${LINK}`)).toBe(LINK);
  });

  it('when the credential itself is pasted, then it is the credential', () => {
    expect(passportPresentedIn(`my passport: ${JWT}`)).toBe(JWT);
  });

  it('when a message says passport and has some other link, then that link is presented (to be refused plainly)', () => {
    expect(passportPresentedIn('here is my passport https://example.com/my-passport.pdf')).toBe('https://example.com/my-passport.pdf');
  });

  it('when a message has a link but is not about a passport, or mentions a passport with no link, then it is not a presentation', () => {
    expect(passportPresentedIn('I did fire safety, certificate at https://example.com/cert.pdf')).toBeUndefined();
    expect(passportPresentedIn('my training passport')).toBeUndefined();
    expect(passportPresentedIn('fire.safety.level1')).toBeUndefined();
  });
});

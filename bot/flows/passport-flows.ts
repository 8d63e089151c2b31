import { decodeJwt } from 'jose';
import { clean } from '../../core/text/clean.js';
import { todayInLondon } from '../../core/time/clock.js';
import { passportLinkOf, type PassportCredential } from '../../core/passport/credential.js';
import { inDateItems, issuePassport, type IssueResult } from '../../core/passport/issue-passport.js';
import { issueMessage, presentMessage, provenanceLine } from '../../core/passport/passport-messages.js';
import type { IssuedPassport } from '../../core/passport/ports.js';
import { presentPassport } from '../../core/passport/present-passport.js';
import type { StaffBundle } from '../../core/learning/ports.js';
import { messageCard, notFoundCard } from '../cards/message-card.js';
import { passportCard } from '../cards/passport-card.js';
import { passportIssuedCard } from '../cards/passport-issued-card.js';
import { passportOutcomeCard } from '../cards/passport-outcome-card.js';
import type { SubjectMention } from '../language/intents.js';
import type { LearnerTurn } from '../learner-turn.js';
import { sendCard } from '../send-card.js';

const credentialOf = (passport: IssuedPassport) => decodeJwt(passport.jwt) as unknown as PassportCredential;
/** A passport's link names the issuer it was signed as (a later change of the issuer URL does not move old links). */
const linkOf = (passport: IssuedPassport, credential: PassportCredential) => passportLinkOf(credential.issuer.id, passport.id, passport.shareToken);

/**
 * The learner's newest passport, when it can be shown again instead of issuing another: not revoked,
 * at least half its validity left, and holding exactly the items a new one would hold now (the same
 * records, completions and expiries). Asking twice in a day does not mint two credentials.
 */
async function reusable(turn: LearnerTurn, bundle: StaffBundle, subjectIds: readonly string[]): Promise<Extract<IssueResult, { kind: 'issued' }> | undefined> {
  const { issue, passports } = turn.services.passport;
  const newest = (await passports.listFor(turn.staffId)).find((p) => !p.revoked);
  if (!newest) return undefined;
  const now = issue.clock.now().getTime();
  if (Date.parse(newest.validUntil) - now < (issue.settings.validDays * 86_400_000) / 2) return undefined;
  const catalogue = await issue.catalogue.current();
  const chosen = new Set(subjectIds);
  const wanted = inDateItems(bundle.records, catalogue, todayInLondon(issue.clock)).filter((item) => chosen.size === 0 || chosen.has(item.subjectId));
  const credential = credentialOf(newest);
  if (credential.issuer.id !== issue.settings.issuerUrl || JSON.stringify(credential.credentialSubject.learning) !== JSON.stringify(wanted)) return undefined;
  return { kind: 'issued', passport: newest, credential, link: linkOf(newest, credential) };
}

/** "My training passport", the button on what's due: the passport (the one given earlier while it still fits), to pass on. */
export async function showPassport(turn: LearnerTurn, subjects: readonly SubjectMention[] = []): Promise<void> {
  const { passport, supportContact } = turn.services;
  const bundle = await turn.services.learning.staff.getBundle(turn.staffId);
  if (!bundle) return sendCard(turn.context, notFoundCard(supportContact));
  const subjectIds = [...new Set(subjects.map((s) => s.subjectId))];
  const earlier = await reusable(turn, bundle, subjectIds);
  const result = earlier ?? (await issuePassport(passport.issue, bundle.person, subjectIds.length > 0 ? { subjectIds } : {}));
  const message = issueMessage(result, supportContact);
  if (result.kind !== 'issued') return sendCard(turn.context, messageCard(message.title, message.lines, { tone: message.tone }));
  turn.services.logger.info({ event: 'bot.passport-shown', staffId: turn.staffId, reused: earlier !== undefined, items: result.credential.credentialSubject.learning.length }, 'passport shown');
  await sendCard(
    turn.context,
    passportIssuedCard({ message, credential: result.credential, passportId: result.passport.id, link: result.link, tabLink: passport.tabLink(result.passport.id), reused: earlier !== undefined }),
  );
}

/** "Share in a chat": the passport as a card of its own, to forward; only the holder's own passport. */
export async function sharePassport(turn: LearnerTurn, passportId: string): Promise<void> {
  const found = await turn.services.passport.passports.get(passportId);
  if (!found || found.staffId !== turn.staffId) return sendCard(turn.context, messageCard('No such passport of yours', ['Ask for **my training passport** to get one.'], { tone: 'warning' }));
  if (found.revoked) return sendCard(turn.context, messageCard('That passport was revoked', ['It would be refused wherever it is presented. Ask for **my training passport** to get a new one.'], { tone: 'warning' }));
  const credential = credentialOf(found);
  await turn.context.sendActivity('Forward the card below to a chat with your new organisation (on the message: … then Forward), or copy its link.');
  await sendCard(turn.context, passportCard(credential, linkOf(found, credential)));
}

/**
 * A passport from another organisation pasted in chat (its link, or the credential itself): the same
 * use case as the tab's. Transferred, queued or refused, the answer says so with its reasons; nothing
 * is stored unless it was transferred or queued.
 */
export async function presentFromChat(turn: LearnerTurn, presented: string): Promise<void> {
  const { passport, supportContact, logger } = turn.services;
  const actor = await turn.services.learning.staff.getPerson(turn.staffId);
  if (!actor) return sendCard(turn.context, notFoundCard(supportContact));
  const result = await presentPassport(passport.present, { actor, learnerId: turn.staffId, presented: { kind: 'text', text: presented } });
  logger.info({ event: 'bot.passport-presented', staffId: turn.staffId, outcome: result.kind, reason: clean('reason' in result ? result.reason : 'why' in result ? result.why : '') }, 'passport presented in chat');
  const message = presentMessage(result, supportContact);
  const stored = (result.kind === 'transferred' && !result.alreadyHeld) || result.kind === 'queued';
  const provenance = stored
    ? provenanceLine({ kind: 'passport', issuer: result.issuer.id, issuerName: result.issuer.name, odsCode: result.issuer.odsCode, passportId: result.passportId, ...(result.kind === 'transferred' ? { verifiedOn: todayInLondon(passport.present.clock) } : {}) })
    : undefined;
  const checks = 'checks' in result ? result.checks : [];
  await sendCard(turn.context, passportOutcomeCard({ message, checks, presented, ...(provenance ? { provenance } : {}) }));
}

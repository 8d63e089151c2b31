import type { CompletionMethod, RecordProvenance, VerificationState } from '../learning/types.js';
import { formatLocalDate } from '../time/local-date.js';
import type { IssueResult } from './issue-passport.js';
import type { PresentResult, QueueReason, RefusalReason, SkipReason } from './present-passport.js';
import type { RevokeResult } from './revoke-passport.js';
import type { TrustChange } from './trust-list.js';

/**
 * Every sentence a person reads about passports, in one place: the tab's API answers with these and
 * the bot will say the same (phase 2). Each outcome says what happened, what was (not) changed and
 * what to do next.
 */
export interface PassportMessage {
  title: string;
  lines: string[];
  tone: 'good' | 'attention' | 'warning';
  /** True when trying again later may work (the issuer was unreachable). */
  retry?: boolean;
}

export const COMPLETION_METHOD_LABELS: Record<CompletionMethod, string> = {
  'e-learning': 'E-learning',
  'e-assessment': 'E-assessment',
  session: 'Face-to-face',
  'practical-assessment': 'Practical',
  drill: 'Drill',
  'self-declaration': 'Self-declared',
  blended: 'Blended',
  transferred: 'Transferred',
};

const NOTHING_CHANGED = 'Nothing was recorded.';

/**
 * Where a transferred record came from, in one line (My learning's history, the team view's marker,
 * the bot's what's due, exports): issuer, ODS code, which passport, and whether and when it was
 * verified here (on arrival, from a trusted issuer; or later by learning and development).
 */
export function provenanceLine(provenance: RecordProvenance, verification?: VerificationState): string {
  const checked = provenance.verifiedOn
    ? `verified on ${formatLocalDate(provenance.verifiedOn)}`
    : verification?.state === 'verified'
      ? `verified by learning and development${verification.on ? ` on ${formatLocalDate(verification.on)}` : ''}`
      : verification?.state === 'rejected'
        ? 'not accepted by learning and development'
        : 'waiting for learning and development to verify it';
  return `Learning passport ${provenance.passportId.slice(0, 8)} from ${provenance.issuerName} (ODS ${provenance.odsCode}), ${checked}`;
}

export const REFUSAL_SENTENCES: Record<RefusalReason, string> = {
  empty: 'Nothing was sent: paste the passport link, or upload the PDF or a picture of its QR code.',
  'too-large': 'That file is too large to be a passport (4 MB at most). Upload the passport PDF, or a smaller picture of its QR code.',
  'not-a-passport': 'That is not a learning passport: paste the link from the passport, or upload its PDF or a picture of its QR code.',
  'qr-not-ours': 'That QR code is not a learning passport: scan the code printed on the passport itself.',
  'no-qr-found': 'No QR code could be found in that picture. Take it again with the whole code in view and in focus, or upload the PDF.',
  'unreadable-image': 'That picture could not be opened (PNG or JPEG only).',
  'no-credential-in-pdf': 'That PDF does not carry a learning passport. Upload the PDF the issuing organisation produced, unchanged.',
  'unreadable-pdf': 'That PDF could not be read. Upload the passport PDF as it was downloaded.',
  'unsupported-file': 'That kind of file cannot carry a passport: upload the passport PDF, a PNG or JPEG picture of its QR code, or the .jwt file.',
  'link-not-found': 'The issuing organisation does not know that link: it was mistyped, or the passport was withdrawn. Ask for a new passport.',
  malformed: 'That passport is damaged or incomplete: it cannot be read as one. Ask the issuing organisation for a new one.',
  'wrong-algorithm': 'That passport is not signed the way learning passports are (ES256), so it cannot be trusted.',
  'issuer-not-allowed': 'That passport names an issuer this service will not contact (not a secure public address). Ask the issuing organisation to check its set-up.',
  'issuer-keys-unusable': "The issuing organisation's published keys could not be used, so the passport cannot be checked. Ask them to check their set-up.",
  'unknown-key': 'That passport was signed with a key its issuer does not publish: it is not genuine, or was signed by mistake. Ask for a new one.',
  'bad-signature': 'That passport was changed after it was signed (the signature does not match), so none of it can be used.',
  expired: 'That passport has expired. Ask the issuing organisation for a new one: the learning in it may well still be in date.',
  'not-yet-valid': 'That passport is not valid yet (its start is in the future). Check the clock, or ask for a new one.',
  revoked: 'The issuing organisation has revoked that passport (for example because a record in it was corrected). Ask them for a new one.',
  'status-unusable': "Whether that passport was revoked could not be checked (the issuer's status list is not usable), so it cannot be accepted now.",
  'issued-here': 'That passport was issued by this organisation, so its learning is already recorded here. Nothing to bring.',
  'someone-else': "That passport is someone else's: it was not issued to this person, so nothing from it can be recorded here.",
  'nothing-transferable': 'None of the learning in that passport can count here: each item is listed with the reason.',
};

export const QUEUE_SENTENCES: Record<QueueReason, string> = {
  'issuer-not-trusted': 'The issuing organisation is not on our trust list, so learning and development will check it by hand.',
  'ods-mismatch': "The issuer's ODS code is not the one on our trust list, so learning and development will check it by hand.",
  'identity-unconfirmed': 'It carries the right name, but its account cannot be compared with ours, so learning and development will confirm it is yours.',
};

export const SKIP_SENTENCES: Record<SkipReason, string> = {
  expired: 'expired since the passport was issued',
  'not-in-catalogue': 'not a subject or level this organisation has',
  'local-topic': "a local topic of the issuing organisation, not a national one: bring a certificate if it applies here",
  'rejected-before': 'already rejected here by learning and development',
  'future-date': 'its completion date is in the future',
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const expiry = (date: string | null) => (date ? `valid until ${formatLocalDate(date as never)}` : 'does not expire');

export function issueMessage(result: IssueResult, supportContact: string): PassportMessage {
  switch (result.kind) {
    case 'issued':
      return {
        title: 'Your learning passport',
        lines: [
          `It holds ${plural(result.credential.credentialSubject.learning.length, 'in-date item')}, signed by ${result.credential.issuer.name}.`,
          `Share the link, the QR code or the PDF with your new organisation by ${formatLocalDate(result.credential.validUntil.slice(0, 10) as never)}. Each item keeps its own expiry.`,
        ],
        tone: 'good',
      };
    case 'nothing-in-date':
      return { title: 'No passport yet', lines: ['You have no verified learning in date, so there is nothing to put in a passport.', "See what's due to bring your learning up to date."], tone: 'attention' };
    case 'unknown-subjects':
      return { title: 'No passport issued', lines: [`These are not subjects here: ${result.subjectIds.join(', ')}. Choose from your learning.`], tone: 'warning' };
    case 'not-set-up':
      return { title: 'Passports are not set up here yet', lines: [`This organisation's ${result.missing.join(' and ')} ${result.missing.length === 1 ? 'is' : 'are'} not configured. Ask ${supportContact}.`], tone: 'warning' };
    case 'not-found':
      return { title: 'You are not in the staff records', lines: [`Ask ${supportContact} to add you.`], tone: 'warning' };
  }
}

export function presentMessage(result: PresentResult, supportContact: string): PassportMessage {
  switch (result.kind) {
    case 'transferred':
      return {
        title: result.alreadyHeld ? 'Already recorded' : 'Learning transferred',
        lines: [
          result.alreadyHeld
            ? `Everything in this passport from ${result.issuer.name} was already recorded here. Nothing changed.`
            : `${plural(result.items.length, 'item')} from ${result.issuer.name} (ODS ${result.issuer.odsCode}) now count${result.items.length === 1 ? 's' : ''} here, verified automatically:`,
          ...result.items.map((item) => `${item.label}: completed ${formatLocalDate(item.completedOn)}, ${expiry(item.expiresOn)}`),
          ...result.skipped.map((item) => `Not transferred: ${item.label}, ${SKIP_SENTENCES[item.why]}.`),
        ],
        tone: 'good',
      };
    case 'queued':
      return {
        title: 'Waiting for learning and development',
        lines: [
          QUEUE_SENTENCES[result.why],
          `${plural(result.items.length, 'item')} from ${result.issuer.name} wait${result.items.length === 1 ? 's' : ''} for them; until verified ${result.items.length === 1 ? 'it does' : 'they do'} not count.`,
          ...result.items.map((item) => `${item.label}: completed ${formatLocalDate(item.completedOn)}, ${expiry(item.expiresOn)}`),
          ...result.skipped.map((item) => `Not transferred: ${item.label}, ${SKIP_SENTENCES[item.why]}.`),
        ],
        tone: 'attention',
      };
    case 'refused':
      return {
        title: 'Passport not accepted',
        lines: [REFUSAL_SENTENCES[result.reason], ...(result.skipped ?? []).map((item) => `${item.label}: ${SKIP_SENTENCES[item.why]}.`), NOTHING_CHANGED],
        tone: 'warning',
      };
    case 'issuer-unreachable':
      return {
        title: 'The issuing organisation could not be reached',
        lines: [`Its ${result.what === 'keys' ? 'keys' : result.what === 'status list' ? 'revocation list' : 'passport link'} at ${result.issuer} did not answer, so the passport cannot be checked now. ${NOTHING_CHANGED}`, 'Try again in a few minutes.'],
        tone: 'attention',
        retry: true,
      };
    case 'forbidden':
      return { title: 'Not allowed', lines: ["Only learning and development administrators can present a passport on someone else's behalf."], tone: 'warning' };
    case 'not-found':
      return { title: 'Not in the staff records', lines: [`That person is not in the staff records here. Ask ${supportContact}.`], tone: 'warning' };
  }
}

export function revokeMessage(result: RevokeResult): PassportMessage {
  switch (result.kind) {
    case 'revoked':
      return { title: 'Passport revoked', lines: ['From now on every organisation that checks it is told it was revoked, and it is refused.'], tone: 'good' };
    case 'already-revoked':
      return { title: 'Already revoked', lines: [`It was revoked on ${formatLocalDate(result.passport.revoked!.at.slice(0, 10) as never)}. Nothing changed.`], tone: 'attention' };
    case 'reason-required':
      return { title: 'Give a reason', lines: ['Say why it is revoked (it is kept in the audit log). Nothing was changed.'], tone: 'warning' };
    case 'forbidden':
      return { title: 'Not allowed', lines: ['Only learning and development administrators can revoke a passport.'], tone: 'warning' };
    case 'not-found':
      return { title: 'No such passport', lines: ['This organisation issued no passport with that id.'], tone: 'warning' };
  }
}

export function trustMessage(result: TrustChange): PassportMessage {
  switch (result.kind) {
    case 'added':
      return { title: 'Issuer trusted', lines: [`Passports from ${result.entry.name} (${result.entry.issuer}, ODS ${result.entry.odsCode}) now count here without a manual check.`], tone: 'good' };
    case 'removed':
      return { title: 'Issuer removed', lines: [`Passports from ${result.entry.name} now go to the verification queue. Records already transferred stay as they are.`], tone: 'good' };
    case 'already-trusted':
      return { title: 'Already on the list', lines: [`${result.entry.issuer} is on the trust list as ${result.entry.name} (ODS ${result.entry.odsCode}). To change it, remove it and add it again.`], tone: 'attention' };
    case 'not-on-list':
      return { title: 'Not on the list', lines: ['That issuer is not on the trust list. Nothing changed.'], tone: 'attention' };
    case 'bad-issuer':
      return { title: 'Not an issuer address', lines: ["Give the issuing deployment's address, e.g. https://learning.example.nhs.uk (https, no path). Nothing changed."], tone: 'warning' };
    case 'bad-ods-code':
      return { title: 'Not an ODS code', lines: ['An ODS code is 3 to 10 letters and digits, e.g. RVJ or L81001. Nothing changed.'], tone: 'warning' };
    case 'forbidden':
      return { title: 'Not allowed', lines: ['Only learning and development administrators can change the trust list.'], tone: 'warning' };
  }
}

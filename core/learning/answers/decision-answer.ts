import { formatMoment } from '../../time/local-date.js';
import type { DecisionResult } from '../approvals.js';
import type { ExemptionRequest, ExtensionRequest } from '../types.js';
import { done, refused, type Answer } from './answer.js';

/** An approver decided a request (card button or My team): exactly one decision counts. */
export function decisionAnswer(outcome: DecisionResult<ExtensionRequest | ExemptionRequest>): Answer {
  switch (outcome.kind) {
    case 'not-found':
      return refused('not-found', 'not-found', "You can't decide this", ['This request is not one you can decide.']);
    case 'forbidden':
      return outcome.reason === 'own-request'
        ? refused('forbidden', 'own-request', "You can't decide this", ['You cannot decide your own request.'])
        : refused('forbidden', 'forbidden', "You can't decide this", ['This request is not one you can decide.']);
    case 'already-decided': {
      const verb = outcome.request.state === 'approved' ? 'approved' : 'declined';
      const at = outcome.request.decidedAt ? formatMoment(outcome.request.decidedAt) : 'earlier';
      const line = outcome.byYou ? `You already ${verb} this on ${at}.` : `Already ${verb} by ${outcome.deciderName} on ${at}.`;
      return refused('conflict', 'already-decided', 'Already decided', [line], { state: outcome.request.state, decidedBy: outcome.deciderName, decidedAt: outcome.request.decidedAt });
    }
    case 'decided':
      return done(outcome.request.state === 'approved' ? 'Approved' : 'Declined', `${outcome.request.state === 'approved' ? 'Approved' : 'Declined'}. ${outcome.learner.name} will be told.`);
  }
}

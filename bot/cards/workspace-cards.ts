import type { ApplicationSummary, PersonRef } from '../../core/workspace/model.js';
import { card, heading, text, type AdaptiveCard } from './card-types.js';

/** Cards the bot posts in a PCN's channel when its Learning Organisation application moves. */

function progressFacts(app: ApplicationSummary) {
  const { progress, countdown } = app;
  return [
    { title: 'Sections agreed', value: `${progress.agreed} of ${progress.sections}` },
    { title: 'Checklist', value: `${progress.checklistDone} of ${progress.checklistTotal} complete` },
    { title: 'Deadline', value: countdown.daysLeft >= 0 ? `${countdown.daysLeft} days left` : 'passed' },
  ];
}

export function sectionReadyCard(app: ApplicationSummary, section: { number: string; title: string }, by: PersonRef, owner?: string): AdaptiveCard {
  const title = `Ready for review: ${section.number} ${section.title}`;
  return card(
    [
      heading(title),
      text(`${by.name} marked this section of the ${app.pcnName} Learning Organisation application ready for review.`),
      ...(owner ? [text(`Owner: ${owner}`, { isSubtle: true, spacing: 'none' as const })] : []),
      { type: 'FactSet', facts: progressFacts(app) },
      text('Open the Learning Organisation tab in this channel to read it, comment or agree it.', { isSubtle: true, size: 'small' }),
    ],
    [],
    `${title} (${by.name})`,
  );
}

export function submittedCard(app: ApplicationSummary, by: PersonRef): AdaptiveCard {
  const title = 'Application submitted to the training hub';
  return card(
    [
      { ...heading(title), color: 'good' },
      text(`${by.name} submitted the ${app.pcnName} Learning Organisation application on behalf of ${app.practices.length} practice${app.practices.length === 1 ? '' : 's'}.`),
      { type: 'FactSet', facts: [{ title: 'Practices', value: app.practices.map((p) => p.name).join(', ') }, ...progressFacts(app)] },
      text('The training hub will review it and schedule the panel; you will see the panel date in the workspace.', { isSubtle: true, size: 'small' }),
    ],
    [],
    `${title}: ${app.pcnName} (${by.name})`,
  );
}

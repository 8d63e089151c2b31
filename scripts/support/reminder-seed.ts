import { defaultCatalogue } from '../../core/learning/default-matrix.js';
import type { PersonSummary } from '../../core/learning/person-summary.js';
import { systemClock, todayInLondon, type Clock } from '../../core/time/clock.js';
import { addDays } from '../../core/time/local-date.js';
import type { AppConfig } from '../../server/config.js';
import { createServices, type Services } from '../../server/services.js';

export const conversationIdOf = (i: number) => `a:reminder-person-${i}`;
export const aadOf = (i: number) => `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/**
 * `people` learners with `perPerson` requirements each falling due in 10 days (one "14 days"
 * reminder each), every one with a personal chat whose service URL is the given connector.
 */
export async function seedReminderPeople(config: AppConfig, serviceUrl: string, people: number, perPerson: number, clock: Clock = systemClock): Promise<Services> {
  const services = createServices(config, clock);
  await services.ensureStorage();
  await services.catalogue.replace(defaultCatalogue());
  const today = todayInLondon(clock);
  const subjects = ['fire-safety', 'ig', 'edhr', 'ipc', 'health-safety', 'prevent', 'resuscitation', 'moving-handling', 'safeguarding-adults', 'safeguarding-children'];
  const summaries: PersonSummary[] = [];
  for (let i = 0; i < people; i++) {
    summaries.push({
      staffId: `R${String(i).padStart(6, '0')}`,
      name: `Reminder Person${i}`,
      staffGroup: 'Additional Clinical Services',
      orgUnit: 'Ward 7',
      category: 'bank',
      roleIds: ['hca'],
      managerIds: [],
      aadObjectId: aadOf(i),
      absences: [],
      computedOn: today,
      items: subjects.slice(0, perPerson).map((subjectId) => ({ subjectId, level: 1, dueDate: addDays(today, 10), validUntil: addDays(today, 10), exempt: false, extended: false })),
    });
  }
  await services.summaries.saveMany(summaries, 16);
  const now = clock.now();
  for (let start = 0; start < people; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, people - start) }, (_, k) => {
        const i = start + k;
        const reference = {
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: conversationIdOf(i), conversationType: 'personal', tenantId: 't' },
          bot: { id: '28:bot', name: 'Mandatory Learning' },
          user: { id: `29:person-${i}`, aadObjectId: aadOf(i) },
        };
        return services.conversations.savePersonal(aadOf(i), conversationIdOf(i), serviceUrl, reference, now);
      }),
    );
  }
  return services;
}

/** When and how reminders go out; every value is the organisation's to change (defaults from the issue). */
export interface ReminderSettings {
  /** Days before the due date a learner is reminded (the most urgent one crossed is sent). */
  thresholds: number[];
  onDueDate: boolean;
  /** While overdue, a reminder every this many days (0 = never). */
  overdueEveryDays: number;
  /** Working window in Europe/London: reminders planned outside it wait for the next one. */
  workingHours: { start: string; end: string; days: number[] };
  /** Day of week (0 = Sunday) on which managers get their weekly digest. */
  digestDay: number;
  /** How far ahead a digest looks for what falls due. */
  digestLookaheadDays: number;
  /** Sends per second across the app (Teams: about 50 per app per tenant). */
  globalPerSecond: number;
  /** Sends per second to one conversation (Teams: 7). */
  perConversationPerSecond: number;
  /** Attempts before a job is dead-lettered. */
  maxAttempts: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  thresholds: [30, 14, 7, 1],
  onDueDate: true,
  overdueEveryDays: 7,
  workingHours: { start: '08:00', end: '18:00', days: [1, 2, 3, 4, 5] },
  digestDay: 1,
  digestLookaheadDays: 30,
  globalPerSecond: 50,
  perConversationPerSecond: 7,
  maxAttempts: 6,
};

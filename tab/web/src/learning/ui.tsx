import { Badge, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import {
  CheckmarkCircle16Filled,
  Circle16Regular,
  ClockAlarm16Filled,
  DismissCircle16Filled,
  ErrorCircle16Filled,
  Info16Filled,
  Prohibited16Regular,
  Warning16Filled,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useState, type JSX, type ReactNode } from 'react';
import { apiFetch, ApiProblem } from '../api';
import { Problem } from '../shell/Problem';
import { STATUS_NAMES, type MatrixStatus } from '../../../shared/learning-api';

/** "22 Oct 2026" from a calendar date (no time zone games: the date is the date). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function formatInstant(iso: string | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
}

const STATUS_LOOK: Record<MatrixStatus, { color: 'danger' | 'warning' | 'success' | 'informative' | 'brand' | 'subtle'; icon: JSX.Element }> = {
  overdue: { color: 'danger', icon: <ErrorCircle16Filled /> },
  'due-soon': { color: 'warning', icon: <ClockAlarm16Filled /> },
  'not-completed': { color: 'warning', icon: <Circle16Regular /> },
  extended: { color: 'warning', icon: <Warning16Filled /> },
  'in-date': { color: 'success', icon: <CheckmarkCircle16Filled /> },
  exempt: { color: 'subtle', icon: <Prohibited16Regular /> },
  'held-not-required': { color: 'brand', icon: <Info16Filled /> },
};

/** A status never by colour alone: an icon and the words too. */
export function StatusBadge({ status, label }: { status: MatrixStatus; label?: string }) {
  const look = STATUS_LOOK[status];
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} shape="rounded">
      {label ?? STATUS_NAMES[status]}
    </Badge>
  );
}

export function StateBadge({ state }: { state: string }) {
  const color = state === 'approved' || state === 'verified' ? 'success' : state === 'declined' || state === 'rejected' ? 'danger' : 'informative';
  const icon = color === 'success' ? <CheckmarkCircle16Filled /> : color === 'danger' ? <DismissCircle16Filled /> : <ClockAlarm16Filled />;
  const words: Record<string, string> = { pending: 'Waiting', approved: 'Approved', declined: 'Declined', withdrawn: 'Withdrawn', verified: 'Verified', rejected: 'Not accepted', submitted: 'With the MLOG', questions: 'Questions asked' };
  return (
    <Badge appearance="tint" color={color} icon={icon} shape="rounded">
      {words[state] ?? state}
    </Badge>
  );
}

/** Loads JSON from the API, with a reload; errors are kept to show where they happened. */
export function useApi<T>(path: string | undefined): { data: T | undefined; error: unknown; reload: () => Promise<void> } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(async () => {
    if (!path) return;
    try {
      setData(await apiFetch<T>(path));
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}

export function Loading({ data, error, label, children }: { data: unknown; error: unknown; label: string; children: () => ReactNode }) {
  if (error) return <Problem error={error} title={`Could not load ${label}`} />;
  if (data === undefined) return <Spinner label={`Loading ${label}`} />;
  return <>{children()}</>;
}

export type Outcome = { intent: 'success' | 'error' | 'warning'; text: string } | undefined;

/** The result of the last action, announced to screen readers. */
export function OutcomeBar({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <MessageBar intent={outcome.intent} role={outcome.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{outcome.text}</MessageBarBody>
    </MessageBar>
  );
}

export function problemText(error: unknown): string {
  if (error instanceof ApiProblem) {
    const problems = (error.details as { problems?: string[] } | undefined)?.problems;
    return problems && problems.length > 0 ? problems.join(' ') : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Runs an action: the server's sentence on success, its problem on failure. */
export async function attempt(run: () => Promise<{ message?: string } | unknown>, setOutcome: (o: Outcome) => void): Promise<boolean> {
  try {
    const result = (await run()) as { message?: string } | undefined;
    setOutcome({ intent: 'success', text: result?.message ?? 'Done.' });
    return true;
  } catch (error) {
    setOutcome({ intent: error instanceof ApiProblem && error.status === 409 ? 'warning' : 'error', text: problemText(error) });
    return false;
  }
}

export function todayIso(): string {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}

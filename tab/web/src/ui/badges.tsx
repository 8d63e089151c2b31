import { Badge, makeStyles, tokens } from '@fluentui/react-components';
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
import type { JSX } from 'react';
import { STATUS_NAMES, type MatrixStatus } from '../../../shared/learning-api';

// A badge grows with its words instead of letting them spill out of a fixed-height pill.
const useStyles = makeStyles({
  badge: { height: 'auto', minHeight: '20px', paddingBlock: tokens.spacingVerticalXXS, whiteSpace: 'nowrap', maxWidth: '100%', flexShrink: 0 },
});

const STATUS_LOOK: Record<MatrixStatus, { color: 'danger' | 'warning' | 'success' | 'informative' | 'brand' | 'subtle'; icon: JSX.Element }> = {
  overdue: { color: 'danger', icon: <ErrorCircle16Filled /> },
  'due-soon': { color: 'warning', icon: <ClockAlarm16Filled /> },
  'not-completed': { color: 'warning', icon: <Circle16Regular /> },
  extended: { color: 'warning', icon: <Warning16Filled /> },
  'in-date': { color: 'success', icon: <CheckmarkCircle16Filled /> },
  exempt: { color: 'subtle', icon: <Prohibited16Regular /> },
  'held-not-required': { color: 'brand', icon: <Info16Filled /> },
};

/** Worst first, as a manager reads a team. */
export const MATRIX_ORDER: MatrixStatus[] = ['overdue', 'due-soon', 'not-completed', 'extended', 'in-date', 'held-not-required', 'exempt'];

/** A status never by colour alone: an icon and the words too. */
export function StatusBadge({ status, label }: { status: MatrixStatus; label?: string }) {
  const styles = useStyles();
  const look = STATUS_LOOK[status];
  return (
    <Badge className={styles.badge} appearance="tint" color={look.color} icon={look.icon} shape="rounded">
      {label ?? STATUS_NAMES[status]}
    </Badge>
  );
}

const STATE_WORDS: Record<string, string> = {
  pending: 'Waiting',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  verified: 'Verified',
  rejected: 'Not accepted',
  submitted: 'With the MLOG',
  questions: 'Questions asked',
};

export function StateBadge({ state }: { state: string }) {
  const styles = useStyles();
  const color = state === 'approved' || state === 'verified' ? 'success' : state === 'declined' || state === 'rejected' ? 'danger' : 'informative';
  const icon = color === 'success' ? <CheckmarkCircle16Filled /> : color === 'danger' ? <DismissCircle16Filled /> : <ClockAlarm16Filled />;
  return (
    <Badge className={styles.badge} appearance="tint" color={color} icon={icon} shape="rounded">
      {STATE_WORDS[state] ?? state}
    </Badge>
  );
}

export function CountBadge({ children, color = 'danger' }: { children: string; color?: 'danger' | 'warning' | 'informative' | 'success' }) {
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="filled" color={color} size="small" shape="rounded">
      {children}
    </Badge>
  );
}

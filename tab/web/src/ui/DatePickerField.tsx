import { Field, makeStyles } from '@fluentui/react-components';
import { DayOfWeek } from '@fluentui/react-calendar-compat';
import { DatePicker, defaultDatePickerStrings } from '@fluentui/react-datepicker-compat';
import { useRef, useState } from 'react';
import { formatDate, parseUkDate, toInputDate } from '../../../shared/dates';

const useStyles = makeStyles({ picker: { width: '100%', minWidth: 0, maxWidth: '100%' } });

const fromIso = (iso: string | undefined) => (iso ? new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) : undefined);
const toIso = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * A date entered the British way whatever the browser's locale: typed as dd/mm/yyyy (or picked from
 * a calendar that starts on Monday), shown back as dd/mm/yyyy, and handed on as an ISO date. A typed
 * date that is not a real day is said so under the field; nothing else is lost.
 */
export interface DateInputProps {
  label: string;
  value: string | null | undefined;
  onChange: (iso: string | undefined) => void;
  required?: boolean;
  hint?: string;
  min?: string | undefined;
  max?: string | undefined;
  disabled?: boolean;
  className?: string;
}

export default function DatePickerField(props: DateInputProps) {
  const { label, value, onChange, required, hint, min, max, disabled, className } = props;
  const styles = useStyles();
  const [problem, setProblem] = useState<string>();
  const typed = useRef('');
  const outside = (iso: string) => (min && iso < min ? `The earliest date allowed is ${formatDate(min)}.` : max && iso > max ? `The latest date allowed is ${formatDate(max)}.` : undefined);
  return (
    <Field label={label} required={required} hint={hint ?? 'dd/mm/yyyy'} validationMessage={problem} validationState={problem ? 'error' : 'none'} className={className}>
      <DatePicker
        className={styles.picker}
        allowTextInput
        disabled={disabled}
        firstDayOfWeek={DayOfWeek.Monday}
        strings={defaultDatePickerStrings}
        placeholder="dd/mm/yyyy"
        value={fromIso(value ?? undefined) ?? null}
        minDate={fromIso(min)}
        maxDate={fromIso(max)}
        formatDate={(date) => (date ? toInputDate(toIso(date)) : '')}
        parseDateFromString={(text) => {
          typed.current = text;
          const iso = parseUkDate(text);
          return iso ? (fromIso(iso) ?? null) : null;
        }}
        onValidationResult={({ error }) => {
          if (error === 'invalid-input') setProblem(`“${typed.current}” is not a date: type it as day/month/year, e.g. 02/12/2026.`);
          else if (error === 'out-of-bounds') setProblem(min && max ? `Give a date from ${formatDate(min)} to ${formatDate(max)}.` : min ? `The earliest date allowed is ${formatDate(min)}.` : `The latest date allowed is ${formatDate(max)}.`);
          else if (error === 'required-input') setProblem(`Give the ${label.toLowerCase()}.`);
          else setProblem(undefined);
        }}
        onSelectDate={(date) => {
          if (!date) {
            onChange(undefined);
            return;
          }
          const iso = toIso(date);
          const refused = outside(iso);
          setProblem(refused);
          if (!refused) onChange(iso);
        }}
      />
    </Field>
  );
}

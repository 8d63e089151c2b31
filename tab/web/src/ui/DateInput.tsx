import { Field, Input } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { toInputDate } from '../../../shared/dates';
import type { DateInputProps } from './DatePickerField';

// The calendar (Fluent's DatePicker) is the largest control the tab has: it downloads the first
// time a date field is shown, never with a page's first paint.
const DatePickerField = lazy(() => import('./DatePickerField'));

/** A date entered as dd/mm/yyyy whatever the browser's locale (see DatePickerField). */
export function DateInput(props: DateInputProps) {
  return (
    <Suspense
      fallback={
        <Field label={props.label} required={props.required} hint={props.hint ?? 'dd/mm/yyyy'} className={props.className}>
          <Input readOnly value={toInputDate(props.value)} placeholder="dd/mm/yyyy" />
        </Field>
      }
    >
      <DatePickerField {...props} />
    </Suspense>
  );
}

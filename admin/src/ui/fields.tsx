import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import type { Choice } from '../labels.ts';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  class?: string;
}

interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
  required?: boolean;
}

/** A label, the control, a hint and the field's error, tied together for screen readers. */
export function Field({
  label,
  error,
  hint,
  required,
  children,
  ...rest
}: FieldProps & { children: (control: ControlProps) => ComponentChildren }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field ${rest.class ?? ''}`}>
      {/* The asterisk stays outside the label: the field's name is «Пароль», not «Пароль *». */}
      <label for={id}>{label}</label>
      {required && (
        <span class="req" aria-hidden="true">
          {' '}
          *
        </span>
      )}
      {children({
        id,
        required,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': 'true' } : {}),
      })}
      {hint && (
        <div id={`${id}-hint`} class="hint">
          {hint}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} class="field-error">
          {error}
        </div>
      )}
    </div>
  );
}

type InputProps = FieldProps &
  Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'label' | 'class'> & {
    value: string;
    onValue: (value: string) => void;
  };

export function TextField({ label, error, hint, required, value, onValue, class: cls, ...input }: InputProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required} class={cls}>
      {(control) => (
        <input type="text" {...input} {...control} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
      )}
    </Field>
  );
}

type AreaProps = FieldProps &
  Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onInput' | 'label' | 'class'> & {
    value: string;
    onValue: (value: string) => void;
  };

export function TextAreaField({ label, error, hint, required, value, onValue, class: cls, ...area }: AreaProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required} class={cls}>
      {(control) => <textarea {...area} {...control} value={value} onInput={(e) => onValue(e.currentTarget.value)} />}
    </Field>
  );
}

type SelectProps = FieldProps & {
  value: string;
  onValue: (value: string) => void;
  options: Choice[];
  empty?: string;
  disabled?: boolean;
  name?: string;
};

/** A select of choices; `empty` adds a first choice meaning «none» or «any». */
export function SelectField({
  label,
  error,
  hint,
  required,
  value,
  onValue,
  options,
  empty,
  disabled,
  name,
  class: cls,
}: SelectProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required} class={cls}>
      {(control) => (
        <select
          {...control}
          name={name}
          disabled={disabled}
          value={value}
          onChange={(e) => onValue(e.currentTarget.value)}
        >
          {empty !== undefined && <option value="">{empty}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The form's general error, focusable so `useAction` can move the user to it. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div class="alert" role="alert" tabIndex={-1} data-form-error>
      {message}
    </div>
  );
}

/**
 * A date field of a filter: applied (YYYY-MM-DD, or '' when cleared) shortly after the last
 * change. Chromium fires `change` at every keystroke that makes a valid date (year 0002, 0020,
 * 0202, 2026), so each one must not become a step in the history.
 */
export function DateFilter({
  label,
  value,
  onCommit,
  min,
  max,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  min?: string | undefined;
  max?: string | undefined;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value || (draft && Number(draft.slice(0, 4)) < 2000)) return;
    const t = setTimeout(() => onCommit(draft), 600);
    return () => clearTimeout(t);
  }, [draft]);
  return (
    <TextField
      label={label}
      type="date"
      value={draft}
      onValue={setDraft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      min={min}
      max={max}
    />
  );
}

/** The id of a field's error message, for `aria-describedby`. */
export const errorId = (field: string) => `${field}-error`;

/** ARIA of a control whose field may show an error. */
export function invalidProps(field: string, error: string | undefined) {
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? errorId(field) : undefined,
  };
}

/** A field's error, next to it, named by its id. */
export function FieldError({ field, text }: { field: string; text: string | undefined }) {
  return text ? (
    <p class="error" id={errorId(field)}>
      {text}
    </p>
  ) : null;
}

/**
 * The asterisk of a required field. Screen readers hear the control's `required` instead; the
 * form is `noValidate`, so the browser's own bubbles never show.
 */
export const Required = () => (
  <span class="req" aria-hidden="true">
    *
  </span>
);

interface TextFieldProps {
  field: string;
  label: string;
  /** The field's first value; the field keeps what is typed (it is uncontrolled). */
  initial: string;
  error: string | undefined;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'tel' | 'email';
  autoComplete?: string;
  inputMode?: 'numeric' | 'tel' | 'email';
}

/** A labelled text input or textarea with its error. */
export function TextField(p: TextFieldProps) {
  const props = {
    id: p.field,
    name: p.field,
    class: 'input',
    defaultValue: p.initial,
    autoComplete: p.autoComplete ?? 'off',
    inputMode: p.inputMode,
    required: p.required,
    ...invalidProps(p.field, p.error),
  };
  return (
    <div class="field">
      <label for={p.field}>
        {p.label}
        {p.required && <Required />}
      </label>
      {p.multiline ? <textarea rows={5} {...props} /> : <input type={p.type ?? 'text'} {...props} />}
      <FieldError field={p.field} text={p.error} />
    </div>
  );
}

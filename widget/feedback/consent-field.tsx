import { FieldError, invalidProps, Required } from '../shared/fields.tsx';
import type { FormTexts } from './settings.ts';

interface ConsentFieldProps {
  texts: FormTexts;
  initial: boolean;
  error: string | undefined;
  privacyUrl: string;
  termsUrl: string;
}

/** The consent required by 152-ФЗ, with the two agreements as links (they open in a new tab). */
export function ConsentField({ texts, initial, error, privacyUrl, termsUrl }: ConsentFieldProps) {
  return (
    <div class="field">
      <div class="consent">
        <input
          id="consent"
          name="consent"
          type="checkbox"
          defaultChecked={initial}
          required
          {...invalidProps('consent', error)}
        />
        <label for="consent">
          {texts.consentBefore}
          <a href={privacyUrl} target="_blank" rel="noopener">
            {texts.consentPrivacy}
          </a>
          {texts.consentAnd}
          <a href={termsUrl} target="_blank" rel="noopener">
            {texts.consentTerms}
          </a>
          <Required />
        </label>
      </div>
      <FieldError field="consent" text={error} />
    </div>
  );
}

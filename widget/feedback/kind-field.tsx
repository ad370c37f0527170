import { FEEDBACK_KINDS } from '../../shared/feedback-schema.ts';

import { FieldError, invalidProps, Required } from '../shared/fields.tsx';
import type { FormTexts } from './settings.ts';

interface KindFieldProps {
  texts: FormTexts;
  initial: string;
  error: string | undefined;
}

/**
 * Благодарность / Жалоба / Предложение. None is preselected: a complaint filed as a thanks by a
 * client who didn't look would miss its deadlines.
 */
export function KindField({ texts, initial, error }: KindFieldProps) {
  return (
    <fieldset class="field">
      <legend>
        {texts.kindLegend}
        <Required />
      </legend>
      <div class="kinds">
        {FEEDBACK_KINDS.map((kind) => (
          <label class="kind" key={kind}>
            <input
              type="radio"
              name="kind"
              value={kind}
              defaultChecked={initial === kind}
              required
              {...invalidProps('kind', error)}
            />
            {texts.kinds[kind]}
          </label>
        ))}
      </div>
      <FieldError field="kind" text={error} />
    </fieldset>
  );
}

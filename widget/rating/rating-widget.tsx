import { TextField } from '../shared/fields.tsx';
import { NothingToRate, RatingSuccess } from './done-views.tsx';
import { RatedHeader } from './rated-header.tsx';
import { RatingController } from './rating-controller.ts';
import { StarsField } from './stars-field.tsx';

/**
 * «Расскажите моему руководителю, как я работаю!» (or «Оцените качество доставки»): who is rated,
 * five stars, a comment, consent to publish, optional contacts; once sent, the review's number.
 * @example render(<RatingWidget settings={readRatingSettings(host, base)} />, container)
 */
export class RatingWidget extends RatingController {
  /** Set when a send found the employee gone, so the news takes the focus. */
  wasSending = false;

  submit = async () => {
    this.wasSending = true;
    const target = await this.send();
    // After a failed check, the first wrong field (or the server's message) gets the focus.
    if (target) this.form?.querySelector<HTMLElement>(target === 'notice' ? '.notice' : `[name="${target}"]`)?.focus();
  };

  render() {
    const { base, subject, header, lang } = this.props.settings;
    const { rated, gone, score, errors, notice, sending, accepted } = this.state;
    const { initial } = this;
    const texts = this.texts();
    const employee = subject === 'employee';
    const text = (field: 'comment' | 'name' | 'organization' | 'email') => ({
      field,
      label: field !== 'comment' ? texts[field] : employee ? texts.employeeComment : texts.subjectComment,
      initial: initial[field],
      error: errors[field],
    });
    const target = (e: Event) => e.target as HTMLInputElement;
    // What RatedHeader shows an h2 title for.
    const titled = header && (employee || !!rated);

    if (gone)
      return <NothingToRate texts={texts} base={base} lang={lang} employee={employee} takeFocus={this.wasSending} />;
    return (
      <>
        <p class="sr" role="status" aria-live="polite">
          {this.state.announcement}
        </p>
        {header && <RatedHeader texts={texts} employee={employee} rated={rated} />}
        {accepted ? (
          <RatingSuccess texts={texts} accepted={accepted} employee={employee} titled={titled} />
        ) : (
          <form
            ref={(form) => {
              this.form = form;
            }}
            noValidate
            aria-labelledby={titled ? 'title' : undefined}
            onSubmit={(e) => {
              e.preventDefault();
              void this.submit();
            }}
            // Text fields say `input` as the client types; radios and checkboxes surely say `change`.
            onInput={(e) => this.changed(target(e).name, target(e).value)}
            onChange={(e) => this.changed(target(e).name, target(e).value)}
            onFocusOut={(e) => {
              const field = target(e).name;
              const check = () => this.left(field);
              // Arrow keys move the focus between the stars: that is not leaving them. While a
              // button is held on the form, the check waits for its release (as the feedback form's).
              if ((e.relatedTarget as HTMLInputElement | null)?.name !== field)
                this.form?.matches(':active') ? addEventListener('pointerup', check, { once: true }) : check();
            }}
          >
            {/* The rating page's own note (this browser rated today already) stays while the form does. */}
            <slot name="note" />
            {notice && !notice.retry && (
              <p class="notice" tabIndex={-1}>
                {notice.text}
              </p>
            )}
            <StarsField
              texts={texts}
              legend={employee ? texts.employeeScoreLegend : texts.subjectScoreLegend}
              initial={initial.score}
              score={score}
              error={errors.score}
            />
            <TextField {...text('comment')} multiline />
            <div class="consent">
              <input id="publish" name="publish" type="checkbox" defaultChecked={initial.publish} />
              <label for="publish">{texts.publish}</label>
            </div>
            <fieldset class="field">
              <legend>{texts.contactsLegend}</legend>
              <div class="row">
                <TextField {...text('name')} autoComplete="name" />
                <TextField {...text('organization')} autoComplete="organization" />
              </div>
              <TextField {...text('email')} type="email" autoComplete="email" />
              <p class="hint">
                <a href={`${base}legal/personal-data?lang=${lang}`} target="_blank" rel="noopener">
                  {texts.privacy}
                </a>
              </p>
            </fieldset>
            {notice?.retry && (
              <div class="notice">
                <p>{notice.text}</p>
                <button type="button" class="btn ghost" onClick={() => void this.submit()}>
                  {texts.retry}
                </button>
              </div>
            )}
            {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus mid-send. */}
            <button type="submit" class="btn" aria-disabled={sending ? 'true' : undefined}>
              {sending ? texts.sending : texts.submit}
            </button>
          </form>
        )}
      </>
    );
  }
}

import { ConsentField } from './consent-field.tsx';
import { FeedbackController } from './feedback-controller.ts';
import { TextField } from '../shared/fields.tsx';
import { FileField } from './file-field.tsx';
import { KindField } from './kind-field.tsx';
import { SuccessView } from './success-view.tsx';

/**
 * The form «Оставьте отзыв о нашей работе» and, once sent, the registration number.
 * @example render(<FeedbackWidget settings={readSettings(host, base)} />, container)
 */
export class FeedbackWidget extends FeedbackController {
  submit = async () => {
    const target = await this.send();
    // After a failed check, the first wrong field (or the server's message) gets the focus.
    if (target) this.form?.querySelector<HTMLElement>(target === 'notice' ? '.notice' : `[name="${target}"]`)?.focus();
  };

  render() {
    const { settings } = this.props;
    const { files, errors, notice, sending, accepted } = this.state;
    const { lang } = settings;
    const { initial } = this;
    const texts = this.texts();
    const text = (field: 'message' | 'name' | 'organization' | 'inn' | 'phone' | 'email') => ({
      field,
      label: texts[field],
      initial: initial[field],
      error: errors[field],
    });
    const name = (e: Event) => (e.target as HTMLInputElement).name;

    return (
      <>
        <p class="sr" role="status" aria-live="polite">
          {this.state.announcement}
        </p>
        {accepted ? (
          <SuccessView texts={texts} accepted={accepted} site={settings.site} onAnother={this.reset} />
        ) : (
          <form
            ref={(form) => {
              this.form = form;
            }}
            noValidate
            aria-label={texts.title}
            onSubmit={(e) => {
              e.preventDefault();
              void this.submit();
            }}
            // Text fields say `input` as the client types; radios and checkboxes surely say `change`.
            onInput={(e) => this.changed(name(e))}
            onChange={(e) => this.changed(name(e))}
            onFocusOut={(e) => {
              // Arrow keys move the focus between the radios of a group: that is not leaving it.
              // While a button is held on the form, the check waits for its release (and the click
              // that follows it, wherever it ends): an error drawn now would move the consent from
              // under the pointer, and the click would be lost.
              const field = name(e);
              const check = () => this.left(field);
              if ((e.relatedTarget as HTMLInputElement | null)?.name !== field)
                this.form?.matches(':active') ? addEventListener('pointerup', check, { once: true }) : check();
            }}
          >
            {settings.contact && <p class="hint">{settings.contact}</p>}
            {notice && !notice.retry && (
              <p class="notice" tabIndex={-1}>
                {notice.text}
              </p>
            )}
            <KindField texts={texts} initial={initial.kind} error={errors.kind} />
            <TextField {...text('message')} required multiline />
            <TextField {...text('name')} autoComplete="name" />
            <div class="row">
              <TextField {...text('organization')} autoComplete="organization" />
              <TextField {...text('inn')} inputMode="numeric" />
            </div>
            <div class="row">
              <TextField {...text('phone')} type="tel" autoComplete="tel" />
              <TextField {...text('email')} type="email" autoComplete="email" />
            </div>
            <FileField
              lang={lang}
              files={files}
              maxFileMb={settings.maxFileMb}
              error={errors.files}
              onPick={this.pickFiles}
              onRemove={this.removeFile}
            />
            <ConsentField
              texts={texts}
              initial={initial.consent}
              error={errors.consent}
              privacyUrl={settings.privacyUrl}
              termsUrl={settings.termsUrl}
            />
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

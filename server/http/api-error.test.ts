import { describe, expect, it } from 'vitest';
import { FIELD_ERRORS } from '../../shared/i18n.ts';
import { ApiError, errorBody } from './api-error.ts';

const refused = (name: string) =>
  new ApiError(415, 'unsupported_media_type', { files: 'fileType' }, { named: { files: name } });

describe('a refusal naming what it is about', () => {
  it('names every file refused for one reason once, even a file refused twice over', () => {
    const all = refused('акт.pdf').alsoNaming(refused('счёт.pdf')).alsoNaming(refused('акт.pdf'));
    expect(errorBody('ru', all.code, all.fields, all.more).error.fields).toEqual({
      files: `${FIELD_ERRORS.ru.fileType}: акт.pdf, счёт.pdf`,
    });
  });

  it('keeps apart a refusal for another reason', () => {
    const big = new ApiError(413, 'too_large', { files: 'fileSize' }, { named: { files: 'скан.pdf' } });
    expect(refused('акт.pdf').alsoNaming(big).more.named).toEqual({ files: 'акт.pdf' });
  });

  it('says in how many minutes a limit lifts', () => {
    expect(errorBody('ru', 'rate_limited', {}, { retryAfterS: 241 }).error.message).toBe(
      'Слишком много отправок подряд, поэтому сообщение не принято. Попробуйте снова через 5 мин.',
    );
    expect(errorBody('en', 'rate_limited').error.message).toBe(
      'Too many sends in a row, so this was not accepted. Please try later',
    );
  });
});

import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegisteredComplaint } from '../../api/types.ts';
import { TellClient } from './tell-client.tsx';

const registered = (answerBy: string, extra: Partial<RegisteredComplaint> = {}): RegisteredComplaint => ({
  id: 's10',
  number: '2026-00010',
  answerBy,
  tellClient: 'Благодарим Вас за обращение. … Срок ответа — до 2 декабря 2026 г.',
  clientNotified: false,
  lang: 'ru',
  ...extra,
});

afterEach(() => {
  vi.useRealTimers();
  render(null, document.body);
});

describe('what the registrar tells the client', () => {
  it('warns when the answer’s date is already past (a letter registered days after it came)', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-05T09:00:00Z') });
    render(<TellClient registered={registered('2026-12-02T15:00:00.000Z')} onAnother={() => {}} />, document.body);
    expect(document.querySelector('.tell-client .warn')!.textContent).toBe(
      'Срок ответа уже прошёл: 02.12.2026 18:00. Не называйте его клиенту — извинитесь за задержку и назовите реальный срок ответа. Подтверждение с этим сроком на e-mail клиенту не отправлено.',
    );
  });

  it('says nothing more while the date is ahead', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-30T09:00:00Z') });
    render(<TellClient registered={registered('2026-12-02T15:00:00.000Z')} onAnother={() => {}} />, document.body);
    expect(document.querySelector('.tell-client .warn')).toBeNull();
    expect(document.querySelector('.tell-text')!.textContent).toContain('Срок ответа — до 2 декабря 2026 г.');
  });

  it('marks an English client’s text English, in the Russian console', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-30T09:00:00Z') });
    const english = registered('2026-12-02T15:00:00.000Z', { tellClient: 'Thank you for contacting us.', lang: 'en' });
    render(<TellClient registered={english} onAnother={() => {}} />, document.body);
    expect(document.querySelector('.tell-text')!.getAttribute('lang')).toBe('en');
  });
});

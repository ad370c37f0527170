import type { Lang } from '../../../shared/i18n.ts';
import { html } from './html.ts';
import { mailLayout, paragraph, type RenderedMail } from './layout.ts';
import { safeSubject } from './subject.ts';

const TEXTS = {
  ru: {
    subject: (n: string) => `Как решён вопрос по обращению № ${n}?`,
    intro: (n: string) =>
      `Мы закончили работу по Вашему обращению № ${n}. Ответьте, пожалуйста, на два вопроса: довольны ли Вы решением и продолжите ли работать с нами. Это займёт полминуты.`,
    button: 'Ответить на два вопроса',
    footer: (company: string) => `${company} · служба менеджмента качества`,
  },
  en: {
    subject: (n: string) => `How was your message No. ${n} resolved?`,
    intro: (n: string) =>
      `We have finished working on your message No. ${n}. Please answer two questions: are you satisfied with the solution, and will you keep working with us? It takes half a minute.`,
    button: 'Answer two questions',
    footer: (company: string) => `${company} · quality management service`,
  },
} as const;

/** The two-question survey sent on closing: a link to a page whose form records the answers. */
export function complaintSurvey(c: { number: string; lang: Lang; link: string }, company: string): RenderedMail {
  const t = TEXTS[c.lang];
  const subject = safeSubject(t.subject(c.number));
  const body = html`${paragraph(t.intro(c.number))}
${paragraph(html`<a href="${c.link}" style="display:inline-block;padding:10px 18px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px;">${t.button}</a>`)}`;
  const text = [t.intro(c.number), '', `${t.button}: ${c.link}`, '', '-- ', t.footer(company)].join('\n');
  return { subject, html: mailLayout({ lang: c.lang, title: subject, body, footer: t.footer(company) }), text };
}

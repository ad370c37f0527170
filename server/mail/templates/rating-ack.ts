import type { Selectable } from 'kysely';
import { ratingAckText } from '../../../shared/rating-texts.ts';
import type { SubmissionTable } from '../../db/schema.ts';
import { companyTime, mailLang } from './format.ts';
import { html, multiline } from './html.ts';
import { mailLayout, paragraph, quoteBlock, type RenderedMail, textQuote } from './layout.ts';
import { scoreBlock, scoreText } from './rating-score.ts';
import { ratedName, type RatingTarget } from './rating-target.ts';
import { safeSubject } from './subject.ts';
import { clientEcho } from './client-echo.ts';

const TEXTS = {
  ru: {
    subject: (n: string) => `Спасибо за отзыв № ${n}`,
    yourScore: (rated: string, at: string) => `Ваша оценка (${rated ? `${rated}, ` : ''}${at}):`,
    yourComment: 'Ваш комментарий:',
    sorry:
      'Нам жаль, что Вы остались недовольны. Если вопрос ещё не решён, ответьте на это письмо: служба менеджмента качества разберётся.',
    footer: (company: string) =>
      `${company} · служба менеджмента качества. Это письмо отправлено автоматически; на него можно ответить.`,
  },
  en: {
    subject: (n: string) => `Thank you for your review No. ${n}`,
    yourScore: (rated: string, at: string) => `Your score (${rated ? `${rated}, ` : ''}${at}):`,
    yourComment: 'Your comment:',
    sorry:
      'We are sorry you were not satisfied. If the matter is not resolved yet, reply to this e-mail and the quality management service will look into it.',
    footer: (company: string) =>
      `${company} · quality management service. This e-mail was sent automatically; you may reply to it.`,
  },
} as const;

/**
 * The short thank-you a client gets for a rating: his score and the start of his comment with no
 * link or address left in it (clientEcho), in his language.
 */
export function ratingAck(s: Selectable<SubmissionTable>, target: RatingTarget, company: string): RenderedMail {
  const lang = mailLang(s.lang);
  const t = TEXTS[lang];
  const subject = safeSubject(t.subject(s.number));
  const thanks = ratingAckText(lang, company, s.number, target.kind);
  const intro = t.yourScore(ratedName(target, lang), companyTime(s.created_at, lang));
  const score = s.score ?? 0;
  const comment = s.message.trim() ? clientEcho(s.message, lang) : null;
  // One or two stars: the client is unhappy, and is told where to turn, not only thanked.
  const sorry = score > 0 && score <= 2 ? t.sorry : null;
  const body = html`${paragraph(thanks)}${paragraph(intro)}${scoreBlock(score, lang)}${comment ? html`${paragraph(t.yourComment)}${quoteBlock(multiline(comment))}` : ''}${sorry ? paragraph(sorry) : ''}`;
  const text = [
    thanks,
    '',
    intro,
    scoreText(score, lang),
    ...(comment ? ['', t.yourComment, textQuote(comment)] : []),
    ...(sorry ? ['', sorry] : []),
    '',
    '-- ',
    t.footer(company),
  ].join('\n');
  return {
    subject,
    html: mailLayout({ lang, title: subject, preheader: thanks, body, footer: t.footer(company) }),
    text,
  };
}

import type { Lang } from '../../shared/lang.ts';

/** Texts only the server's rating pages show (the widget carries shared/rating-texts.ts, counted in its budget). */
export const PAGE_TEXTS = {
  ru: {
    ratedToday: (number: string, score: string) =>
      `Сегодня вы уже оценили: № ${number}, ${score}. Если отправите форму ещё раз, она заменит эту оценку, а не добавит новую.`,
    keptComment: 'Ваш комментарий не отправлен. Скопируйте его, чтобы написать нам:',
  },
  en: {
    ratedToday: (number: string, score: string) =>
      `You have already rated this today: No. ${number}, ${score}. Sending the form again replaces that rating rather than adding another.`,
    keptComment: 'Your comment was not sent. Copy it to write to us:',
  },
} satisfies Record<Lang, unknown>;

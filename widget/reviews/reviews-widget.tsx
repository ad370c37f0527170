import { Component } from 'preact';
import { formatAverage, formatReviewDate, REVIEW_TEXTS } from '../../shared/review-texts.ts';
import type { ReviewAnswer, ReviewsPageAnswer } from '../../shared/api-answers.ts';
import { loadReviews } from './reviews-api.ts';
import { textLang } from '../shared/text-lang.ts';
import { allReviewsUrl, filterQuery, type ReviewsSettings, type ReviewTexts } from './settings.ts';

interface State {
  /** The server's answer; null while asking, or when it didn't answer (`failed`). */
  page: ReviewsPageAnswer | null;
  failed: boolean;
}

/** ★★★★ and an outlined ☆ (the score told by the shape, not by the colour alone), named «Оценка 4 из 5». */
function Stars({ texts, score }: { texts: ReviewTexts; score: number }) {
  const n = Math.min(5, Math.max(0, Math.round(score) || 0));
  return (
    <span class="stars" role="img" aria-label={texts.score(n)}>
      {'★'.repeat(n)}
      <i>{'☆'.repeat(5 - n)}</i>
    </span>
  );
}

/** One employee's or one service's reviews: each needn't say whose it is, the heading does. */
const ofOne = (s: ReviewsSettings) => !!s.employee || (!!s.subject && s.subject !== 'employee');

/** Characters of a review shown before «Читать полностью»: a 2000-character one filled a phone's screen several times over. */
const SHOWN = 500;

class ReviewItem extends Component<{ review: ReviewAnswer; settings: ReviewsSettings }, { open?: boolean }> {
  override render() {
    const { review: r, settings } = this.props;
    const texts = REVIEW_TEXTS[settings.lang];
    const long = r.comment.length > SHOWN + 100;
    const cut = long && !this.state.open;
    return (
      <li>
        <article>
          <p class="top">
            <Stars texts={texts} score={r.score} />
            <time dateTime={r.publishedAt}>{formatReviewDate(settings.lang, r.publishedAt)}</time>
          </p>
          {r.comment && (
            <p class="text" lang={textLang(r.comment)}>
              {cut ? `${r.comment.slice(0, SHOWN).replace(/\s+\S*$/, '')}…` : r.comment}
            </p>
          )}
          {long && (
            // Kept, its words changed, when the text opens: the focus stays where it was.
            <button type="button" class="more" aria-expanded={!cut} onClick={() => this.setState({ open: cut })}>
              {cut ? texts.more : texts.less}
            </button>
          )}
          <p class="by">
            <b lang={textLang(r.author)}>{r.author}</b>
            {/* Of everyone's reviews, whose work or what service each one is about. */}
            {!ofOne(settings) && (r.employee || r.subject) && (
              <span>
                {r.employee && texts.about('')}
                <span lang={textLang(r.employee?.name ?? r.subject!.title)}>
                  {r.employee?.name ?? r.subject!.title}
                </span>
              </span>
            )}
          </p>
        </article>
      </li>
    );
  }
}

/**
 * `<otklik-reviews>`: the average and count, the newest published reviews and the link
 * «Смотрите все отзывы» to the hosted page. It only reads, so it has no draft and no form; a class
 * component like the other widgets (no preact/hooks). Preact escapes every text it is given: keep
 * it that way, never dangerouslySetInnerHTML.
 */
export class ReviewsWidget extends Component<{ settings: ReviewsSettings }, State> {
  override state: State = { page: null, failed: false };

  override async componentDidMount() {
    const { base, lang, limit } = this.props.settings;
    const page = await loadReviews(base, lang, filterQuery(this.props.settings), limit);
    this.setState({ page, failed: !page });
  }

  override render() {
    const { settings } = this.props;
    const { page, failed } = this.state;
    const texts = REVIEW_TEXTS[settings.lang];
    const one = ofOne(settings);
    const title = settings.employee ? texts.employeeTitle : one ? texts.subjectTitle : texts.title;
    // Whose reviews: the employee's name and position, or the service's title, from a review of it.
    const first = one ? page?.items[0] : null;
    const person = first?.employee ?? (first?.subject && { name: first.subject.title, position: '' });
    const summary = page?.summary;
    const average = summary?.average != null ? formatAverage(settings.lang, summary.average) : '';
    return (
      <section
        class="rv"
        aria-label={settings.header ? undefined : title}
        aria-labelledby={settings.header ? 't' : undefined}
        aria-busy={page || failed ? undefined : 'true'}
      >
        {settings.header && <h2 id="t">{title}</h2>}
        {person && (
          <p class="who" lang={textLang(person.name)}>
            <b>{person.name}</b>
            {person.position}
          </p>
        )}
        {average && (
          <p class="sum">
            <span class="avg" role="img" aria-label={texts.average(average)}>
              <i>★</i> {average}
            </span>
            {texts.count(summary!.count)}
          </p>
        )}
        {!page ? (
          <p class="note">{failed ? texts.loadError : texts.loading}</p>
        ) : page.items.length === 0 ? (
          <p class="note">{texts.empty}</p>
        ) : (
          <ul>
            {page.items.map((review) => (
              <ReviewItem key={review.id} review={review} settings={settings} />
            ))}
          </ul>
        )}
        <a class="all" href={allReviewsUrl(settings)}>
          {texts.seeAll}
          <span aria-hidden="true"> →</span>
        </a>
      </section>
    );
  }
}

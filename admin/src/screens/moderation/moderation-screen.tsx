import { useEffect, useState } from 'preact/hooks';
import type { ModerationItem, ModerationPage } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { plural } from '../../format.ts';
import { Link, usePlace } from '../../router.tsx';
import { Empty, LoadError, Loading, MoreButton, PageTitle } from '../../ui/page.tsx';
import { usePaged } from '../../ui/use-paged.ts';
import { ModerationCard } from './moderation-item.tsx';
import { PublishedCard } from './published-item.tsx';

type List = 'pending' | 'published';

const LISTS: Array<{ list: List; href: string; title: string }> = [
  { list: 'pending', href: '/admin/moderation', title: 'Ждут решения' },
  { list: 'published', href: '/admin/moderation?list=published', title: 'Опубликованные' },
];

/**
 * «Модерация»: the queue of ratings whose authors allowed publication, oldest first, each awaiting
 * a decision; and the published reviews, newest first, each of which can be taken down again.
 */
export function ModerationScreen() {
  const { api, announce } = useConsole();
  const list: List = usePlace().query.get('list') === 'published' ? 'published' : 'pending';
  const items = usePaged<ModerationPage, ModerationItem>(
    (cursor) => api.get('moderation', { cursor, ...(list === 'published' ? { list } : {}) }),
    list,
  );
  const [gone, setGone] = useState(0);
  useEffect(() => setGone(0), [items.first]);
  const total = items.first ? Math.max(0, items.first.total - gone) : undefined;

  useEffect(() => {
    document.title = 'Модерация — Отклик';
  }, []);

  /** The review has left this list: focus goes to the next one, so the keyboard stays in it. */
  const leave = (item: ModerationItem, said: string) => {
    const index = items.items.findIndex((i) => i.submissionId === item.submissionId);
    const next = items.items[index + 1] ?? items.items[index - 1];
    items.remove((i) => i.submissionId === item.submissionId);
    setGone((n) => n + 1);
    announce(said);
    setTimeout(() => {
      const target = next && document.getElementById(`mod-${next.submissionId}`);
      (target ?? document.querySelector<HTMLElement>('main h1'))?.focus();
    }, 0);
  };

  const count =
    total === undefined
      ? null
      : list === 'pending'
        ? total === 0
          ? 'очередь пуста'
          : `${total} ${plural(total, 'отзыв ждёт', 'отзыва ждут', 'отзывов ждут')} решения`
        : `${total} ${plural(total, 'отзыв опубликован', 'отзыва опубликовано', 'отзывов опубликовано')}`;

  return (
    <>
      <PageTitle aside={count && <span class="muted">{count}</span>}>Модерация отзывов</PageTitle>
      <nav class="tabs" aria-label="Отзывы">
        {LISTS.map((l) => (
          <Link key={l.list} href={l.href} aria-current={l.list === list ? 'page' : undefined}>
            {l.title}
          </Link>
        ))}
      </nav>
      <p class="lead">
        {list === 'pending'
          ? 'Отзывы, авторы которых согласились на публикацию, — сначала самые давние. Опубликованные появятся на странице отзывов сайта.'
          : 'Отзывы на сайте сейчас, сначала новые. Снятый с публикации отзыв сразу исчезает со страницы отзывов, из виджета и API.'}
      </p>
      {items.error ? (
        <LoadError error={items.error} retry={items.reload} />
      ) : items.loading && items.items.length === 0 ? (
        <Loading />
      ) : items.items.length === 0 ? (
        <Empty>{list === 'pending' ? 'Новых отзывов для модерации нет.' : 'Опубликованных отзывов нет.'}</Empty>
      ) : (
        <div class="mod-list">
          {items.items.map((item) =>
            list === 'pending' ? (
              <ModerationCard
                key={item.submissionId}
                item={item}
                onDecided={(i, approved) =>
                  leave(i, approved ? `Отзыв № ${i.number} опубликован` : `Отзыв № ${i.number} отклонён`)
                }
              />
            ) : (
              <PublishedCard
                key={item.submissionId}
                item={item}
                onTakenDown={(i) => leave(i, `Отзыв № ${i.number} снят с публикации`)}
              />
            ),
          )}
          {items.moreError && <LoadError error={items.moreError} retry={items.loadMore} />}
          <MoreButton
            shown={items.items.length}
            total={total}
            busy={items.moreBusy}
            hasMore={items.hasMore}
            onMore={items.loadMore}
          />
        </div>
      )}
    </>
  );
}

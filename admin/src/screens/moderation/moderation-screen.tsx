import { useEffect, useState } from 'preact/hooks';
import type { ModerationItem, ModerationPage } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { plural } from '../../format.ts';
import { Empty, LoadError, Loading, MoreButton, PageTitle } from '../../ui/page.tsx';
import { usePaged } from '../../ui/use-paged.ts';
import { ModerationCard } from './moderation-item.tsx';

/** «Модерация»: ratings whose authors allowed publication, oldest first, each awaiting a decision. */
export function ModerationScreen() {
  const { api, announce } = useConsole();
  const list = usePaged<ModerationPage, ModerationItem>((cursor) => api.get('moderation', { cursor }), 'queue');
  const [decided, setDecided] = useState(0);
  const total = list.first ? Math.max(0, list.first.total - decided) : undefined;

  useEffect(() => {
    document.title = 'Модерация — Отклик';
  }, []);

  const onDecided = (item: ModerationItem, approved: boolean) => {
    const index = list.items.findIndex((i) => i.submissionId === item.submissionId);
    const next = list.items[index + 1] ?? list.items[index - 1];
    list.remove((i) => i.submissionId === item.submissionId);
    setDecided((n) => n + 1);
    announce(approved ? `Отзыв № ${item.number} опубликован` : `Отзыв № ${item.number} отклонён`);
    // The decided review is gone: focus goes to the next one, so the keyboard stays in the queue.
    setTimeout(() => {
      const target = next && document.getElementById(`mod-${next.submissionId}`);
      (target ?? document.querySelector<HTMLElement>('main h1'))?.focus();
    }, 0);
  };

  return (
    <>
      <PageTitle
        aside={
          total !== undefined && (
            <span class="muted">
              {total === 0
                ? 'очередь пуста'
                : `${total} ${plural(total, 'отзыв ждёт', 'отзыва ждут', 'отзывов ждут')} решения`}
            </span>
          )
        }
      >
        Модерация отзывов
      </PageTitle>
      <p class="lead">
        Отзывы, авторы которых согласились на публикацию, — сначала самые давние. Опубликованные появятся на странице
        отзывов сайта.
      </p>
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} />
      ) : list.loading && list.items.length === 0 ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty>Новых отзывов для модерации нет.</Empty>
      ) : (
        <div class="mod-list">
          {list.items.map((item) => (
            <ModerationCard key={item.submissionId} item={item} onDecided={onDecided} />
          ))}
          {list.moreError && <LoadError error={list.moreError} retry={list.loadMore} />}
          {list.hasMore && (
            <MoreButton shown={list.items.length} total={total} busy={list.moreBusy} onMore={list.loadMore} />
          )}
        </div>
      )}
    </>
  );
}

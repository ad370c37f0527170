import type { RatingChannel } from '../../shared/rating-schema.ts';
import type { RatingTargetRow } from '../directory/targets.ts';

/**
 * Where the client who opened a rating page came from, for the channel its rating is counted
 * under, however the page then sends it (its plain form, or the widget through the API). The
 * signature's star links say `?from=signature`; those pasted into signatures before they did
 * carry only `?score=N`, which no other link of ours gives an employee's page, so they count as
 * the signature's too. Anything else (a link on the site, a typed address) is `site`.
 * @example visitChannel({ score: '4', from: 'signature' }, target) // 'signature'
 */
export function visitChannel(query: { from?: string; score?: string }, target: RatingTargetRow): RatingChannel {
  if (query.from !== undefined) return query.from === 'signature' ? 'signature' : 'site';
  return target.kind === 'employee' && query.score !== undefined ? 'signature' : 'site';
}

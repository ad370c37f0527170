import { describe, expect, it } from 'vitest';
import { ratingStars, scoreBlock, scoreLabel, scoreText } from './rating-score.ts';

describe('a score in a message', () => {
  it('draws filled and empty stars, with the words of the rating page', () => {
    expect([1, 2, 3, 4, 5].map((n) => ratingStars(n))).toEqual(['★☆☆☆☆', '★★☆☆☆', '★★★☆☆', '★★★★☆', '★★★★★']);
    expect(scoreLabel(4)).toBe('4 из 5');
    expect(scoreLabel(4, 'en')).toBe('4 of 5');
    expect(scoreText(2)).toBe('★★☆☆☆ 2 из 5 — плохо');
    expect(scoreText(5, 'en')).toBe('★★★★★ 5 of 5 — excellent');
    expect(scoreBlock(4).value).toContain('★★★★☆');
    expect(scoreBlock(4).value).toContain('4 из 5 — хорошо');
  });

  it('never draws more than five stars or fewer than one', () => {
    expect(ratingStars(9)).toBe('★★★★★');
    expect(ratingStars(0)).toBe('★☆☆☆☆');
    expect(scoreLabel(3.6)).toBe('4 из 5');
  });
});

import { describe, expect, it } from 'vitest';
import { flag } from './rules.ts';

describe('a checkbox (flag)', () => {
  it('reads yes and no as forms and clients send them', () => {
    for (const yes of [true, 'on', 'true', 1, '1']) expect(flag()(yes)).toEqual({ value: true });
    for (const no of [undefined, null, '', '  ', false, 'false', 0, '0']) expect(flag()(no)).toEqual({ value: false });
  });

  it('refuses anything else instead of reading it as «no»', () => {
    for (const odd of ['yes', 'no', 2, -1, {}, [], 'garbage']) expect(flag()(odd)).toEqual({ error: 'invalid' });
  });
});

import { describe, expect, it } from 'vitest';
import { searchWords } from './words.ts';

describe('searchWords', () => {
  it('stems Russian words as PostgreSQL’s `russian` configuration does, so word forms meet', () => {
    expect(searchWords('Ивана')).toEqual(searchWords('Иван'));
    expect(searchWords('жалобы')).toEqual(searchWords('жалоба'));
    expect(searchWords('ЁЛКИНОЙ')).toEqual(searchWords('Елкина'));
    // The stems PostgreSQL 15's to_tsvector('russian', …) gives for the same words.
    expect(searchWords('Иван Ивану Ивановым жалобой Семёнов программой')).toEqual([
      'ива',
      'иван',
      'иванов',
      'жалоб',
      'семен',
      'программ',
    ]);
  });

  it('keeps short words, numbers and Latin words whole, drops stop words and punctuation', () => {
    expect(searchWords('Не работает 1С, и ИП «Гаврилов» — с ИНН 7707083893; QR-код')).toEqual([
      'работа',
      '1с',
      'ип',
      'гаврил',
      'ин',
      '7707083893',
      'qr',
      'код',
    ]);
    expect(searchWords('и с а')).toEqual([]);
    expect(searchWords('жалоба, ЖАЛОБЫ, жалобой')).toEqual(['жалоб']);
  });
});

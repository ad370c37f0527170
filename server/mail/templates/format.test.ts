import { describe, expect, it } from 'vitest';
import { fileSize } from './format.ts';

describe('fileSize', () => {
  it('says a size for people, with its exact bytes grouped by thousands as Russian writes them', () => {
    expect(fileSize(900)).toBe('900 Б');
    expect(fileSize(1536)).toBe('1,5 КБ (1536 байт)');
    expect(fileSize(7_900_000)).toBe('7,5 МБ (7\u00a0900\u00a0000 байт)');
  });
});

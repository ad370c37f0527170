import { expect, it } from 'vitest';
import { clipText } from './chart-figure.tsx';

it('shortens a long label to fit, a person to his surname and initials, keeping two alike apart', () => {
  expect(clipText('ДКС', 90)).toBe('ДКС');
  expect(clipText('Иванова Анна Сергеевна', 100)).toBe('Иванова А. С.');
  const room = 140; // 21 characters
  const a = clipText('Константинопольская-Преображенская Александра Владиславовна', room);
  const b = clipText('Константинопольская-Преображенская Анна Викторовна', room);
  expect([a, b]).toEqual(['Константи… Александра', 'Константинополь… Анна']);
  // Not a name: its start and its end.
  expect(clipText('Ответственный не назначен', room)).toBe('Ответственны…назначен');
});

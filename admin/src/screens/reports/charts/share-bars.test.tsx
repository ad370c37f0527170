import { render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { ShareBars } from './share-bars.tsx';

afterEach(() => {
  document.body.innerHTML = '';
});

const PARTS = [
  { label: 'В срок', cls: 's-closed' },
  { label: 'С опозданием', cls: 's-late' },
  { label: 'Не выполнено', cls: 's-overdue' },
];

const inBar = () => [...document.querySelectorAll('.chart-in')].map((t) => t.textContent);

it('writes each part’s share in its bar, or only the parts it is told to', () => {
  const rows = [
    { label: 'Шаг 1.1', parts: [0, 0, 1] },
    { label: 'Шаг 1.2', parts: [1, 1, 0] },
  ];
  render(<ShareBars rows={rows} parts={PARTS} />, document.body);
  expect(inBar()).toEqual(['100%', '50%', '50%']);
  // A compliance chart: a bar all «не выполнено» says no «100%», which read as full compliance.
  render(<ShareBars rows={rows} parts={PARTS} written={[0]} />, document.body);
  expect(inBar()).toEqual(['50%']);
});

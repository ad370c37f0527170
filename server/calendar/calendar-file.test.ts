import { describe, expect, it } from 'vitest';
import { readCalendarFile } from './calendar-file.ts';

describe('calendar import files', () => {
  it('reads CSV with commas or semicolons, English or Russian types and headers', () => {
    expect(readCalendarFile('day,type,note\n2026-06-15,off,"Региональный праздник, Татарстан"\n')).toEqual({
      days: [{ day: '2026-06-15', type: 'off', note: 'Региональный праздник, Татарстан' }],
      errors: [],
    });
    expect(readCalendarFile('\uFEFFДата;Тип\r\n2026-06-15;Сокращенный\r\n\r\n2026-06-16;РАБОЧИЙ\r\n').days).toEqual([
      { day: '2026-06-15', type: 'short' },
      { day: '2026-06-16', type: 'work' },
    ]);
  });

  it('reads a JSON array and reports a bad entry by the line it starts on', () => {
    const json = [
      '[',
      '  {"day": "2026-06-15", "type": "off", "note": "Сабантуй"},',
      '  {"day": "2026-13-01", "type": "off"},',
      '  {',
      '    "day": "2026-06-17",',
      '    "type": "выходной", "note": 42',
      '  }',
      ']',
    ].join('\n');
    expect(readCalendarFile(json)).toEqual({
      days: [{ day: '2026-06-15', type: 'off', note: 'Сабантуй' }],
      errors: [
        { line: 3, problems: ['day: give a date as YYYY-MM-DD'] },
        { line: 4, problems: ['note: must be text'] },
      ],
    });
  });

  it('says where a broken file stops making sense', () => {
    // A missing comma: V8 names the position, read here as a line.
    expect(readCalendarFile('[\n  {"day": "2026-06-15", "type": "off"}\n  {"day": "2026-06-16"}\n]').errors).toEqual([
      { line: 3, problems: [expect.stringContaining('not valid JSON')] },
    ]);
    expect(readCalendarFile('{"day": "2026-06-15"}').errors).toEqual([
      { line: 1, problems: ['the JSON must be an array of days'] },
    ]);
    expect(readCalendarFile('date;kind\n2026-06-15;off').errors).toEqual([
      { line: 1, problems: ['the header must name the columns day and type (and note)'] },
    ]);
    expect(readCalendarFile('day;type;note\n2026-06-15;off;"unclosed\n').errors[0]!.problems[0]).toContain(
      "can't be read",
    );
  });
});

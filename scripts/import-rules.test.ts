import { describe, expect, it } from 'vitest';
import { importProblems } from './import-rules.ts';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('the import check', () => {
  it('finds two files that import each other, type-only or not', () => {
    const problems = importProblems(
      graph({ 'server/mail/a.ts': ['server/mail/b.ts'], 'server/mail/b.ts': ['server/mail/a.ts'] }),
    );
    expect(problems).toEqual(['files import one another in a circle: server/mail/a.ts ↔ server/mail/b.ts']);
  });

  it('finds server folders in a circle though no two files are, and names the imports that make it', () => {
    const problems = importProblems(
      graph({
        'server/auth/sign-in.ts': ['server/console/audit.ts'],
        'server/console/audit.ts': [],
        'server/console/routes.ts': ['server/auth/context.ts'],
        'server/auth/context.ts': [],
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('server folders import one another in a circle: server/auth ↔ server/console');
    expect(problems[0]).toContain('server/auth/sign-in.ts → server/console/audit.ts');
  });

  it('keeps the arrows: shared imports nothing outside, a widget nothing of another widget', () => {
    const problems = importProblems(
      graph({
        'shared/rules.ts': ['server/env.ts'],
        'server/env.ts': [],
        'widget/rating/x.ts': ['widget/feedback/y.ts', 'widget/shared/z.ts', 'shared/rules.ts'],
        'widget/feedback/y.ts': [],
        'widget/shared/z.ts': [],
      }),
    );
    expect(problems).toEqual([
      'shared/rules.ts imports server/env.ts: shared may not import server',
      "widget/rating/x.ts imports widget/feedback/y.ts: a widget uses only widget/shared and the loader's contract",
    ]);
  });

  it('lets tests reach the shared test harness, and a clean graph passes', () => {
    const problems = importProblems(
      graph({
        'server/feedback/routes.test.ts': ['test/support/test-app.ts', 'server/feedback/routes.ts'],
        'server/feedback/routes.ts': ['server/http/api-error.ts', 'shared/rules.ts'],
        'server/http/api-error.ts': [],
        'test/support/test-app.ts': ['server/app.ts'],
      }),
    );
    expect(problems).toEqual([]);
  });
});

import type { Kysely } from 'kysely';

// The reports (issue 11) count a period's complaints, steps and submissions among a million
// rows: each reads its period through an index holding the columns it counts, so SQLite never
// reads the table (or a department's every row) to answer under a second. Never imports
// application code.
const INDEXES: Array<[name: string, table: string, columns: string[]]> = [
  // Received in a week, and open at an instant (received before it, closed after it or not yet).
  ['complaints_received', 'complaints', ['received_at', 'closed_at', 'submission_id']],
  // Closed in a period: how they ended and how long they took.
  [
    'complaints_closed',
    'complaints',
    ['closed_at', 'received_at', 'submission_id', 'justification', 'satisfied', 'loyal'],
  ],
  // Deadline compliance: the steps whose deadline fell in the period, done when.
  ['complaint_steps_due', 'complaint_steps', ['due_at', 'step', 'done_at', 'complaint_id']],
  // Received by kind, channel and department; one department's.
  ['submissions_received', 'submissions', ['created_at', 'kind', 'channel', 'department_id']],
  ['submissions_department_received', 'submissions', ['department_id', 'created_at', 'kind', 'channel']],
  // Ratings by employee, department, subject, month and score.
  ['submissions_ratings', 'submissions', ['type', 'created_at', 'subject', 'employee_id', 'department_id', 'score']],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns(columns).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}

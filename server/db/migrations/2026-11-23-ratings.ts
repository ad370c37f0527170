import type { Kysely } from 'kysely';

// Directory of the rating part: departments, employees, rating subjects, and the rating columns
// of submissions. Never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('responsible_name', 'text')
    .addColumn('responsible_email', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // Employees and subjects share one slug space (/r/:slug): this table makes a collision impossible.
  await db.schema
    .createTable('rating_slugs')
    .addColumn('slug', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('owner', 'varchar(16)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('employees')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(64)', (c) => c.notNull().unique().references('rating_slugs.slug'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('department_id', 'varchar(36)', (c) => c.references('departments.id'))
    .addColumn('manager_name', 'text')
    .addColumn('manager_email', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rating_subjects')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(64)', (c) => c.notNull().unique().references('rating_slugs.slug'))
    .addColumn('title', 'text', (c) => c.notNull())
    /** JSON array of addresses. */
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  const now = new Date().toISOString();
  await db.insertInto('rating_slugs').values({ slug: 'delivery', owner: 'subject' }).execute();
  await db
    .insertInto('rating_subjects')
    .values({
      id: '00000000-0000-4000-8000-00000000d001',
      slug: 'delivery',
      title: 'Качество доставки',
      recipients: '[]',
      active: 1,
      created_at: now,
    })
    .execute();

  await db.schema.alterTable('submissions').addColumn('score', 'integer').execute();
  await db.schema.alterTable('submissions').addColumn('subject', 'varchar(64)').execute();
  await db.schema
    .alterTable('submissions')
    .addColumn('employee_id', 'varchar(36)', (c) => c.references('employees.id'))
    .execute();
  await db.schema
    .alterTable('submissions')
    .addColumn('department_id', 'varchar(36)', (c) => c.references('departments.id'))
    .execute();
  await db.schema.alterTable('submissions').addColumn('publish', 'integer').execute();
  await db.schema
    .createIndex('submissions_employee')
    .on('submissions')
    .columns(['employee_id', 'created_at'])
    .execute();
  await db.schema.createIndex('employees_department').on('employees').column('department_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('submissions_employee').execute();
  for (const column of ['publish', 'department_id', 'employee_id', 'subject', 'score']) {
    await db.schema.alterTable('submissions').dropColumn(column).execute();
  }
  for (const t of ['rating_subjects', 'employees', 'rating_slugs', 'departments'])
    await db.schema.dropTable(t).execute();
}

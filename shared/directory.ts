// The directory's entities as the console API gives them (GET /api/admin/departments, /employees,
// /subjects and their changes): built by server/console/directory-*.ts, read by admin/. Types only.

/** A department: where complaints are handled, and who answers for them. */
export interface Department {
  id: string;
  name: string;
  responsibleName: string | null;
  responsibleEmail: string | null;
  /** The console user a new complaint of the department is assigned to (seed 004's «выделенные сотрудники»). */
  responsibleUserId: string | null;
  createdAt: string;
}

/** An employee clients rate through his signature link `/r/:slug`. */
export interface Employee {
  id: string;
  slug: string;
  name: string;
  position: string | null;
  departmentId: string | null;
  department: { id: string; name: string } | null;
  managerName: string | null;
  /** Gets every rating of this employee. */
  managerEmail: string;
  /** A former employee's links answer with a polite page and accept nothing. */
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A service clients rate, such as delivery, with the addresses its ratings go to. */
export interface Subject {
  id: string;
  slug: string;
  title: string;
  recipients: string[];
  active: boolean;
  createdAt: string;
}

/** What a CSV import of employees did: each bad line by number, the rest imported. */
export interface ImportReport {
  created: number;
  updated: number;
  errors: Array<{ line: number; problems: string[] }>;
}

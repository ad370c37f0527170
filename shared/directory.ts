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
  /** His own address: «Отправить подпись сотруднику» sends his signature page there. */
  email: string | null;
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
  /** The title English pages and the English widget show; null shows the Russian one. */
  titleEn: string | null;
  recipients: string[];
  active: boolean;
  createdAt: string;
}

/** A field of an employee the CSV import sets, as the console API names it. */
export type ImportField = 'name' | 'position' | 'department' | 'managerEmail' | 'managerName' | 'email' | 'active';

/** One field a CSV line changes on a known employee; `null` is an empty field. */
export interface ImportChange {
  field: ImportField;
  from: string | boolean | null;
  to: string | boolean | null;
}

/**
 * What a CSV import of employees will do (`dryRun`, nothing written) or did: the employees it
 * adds, the fields it changes on known ones, and each refused line by number (the header is
 * line 1) with its reasons, in Russian.
 */
export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  /** Known employees whose lines change nothing. */
  unchanged: number;
  added: Array<{ line: number; slug: string; name: string }>;
  changed: Array<{ line: number; slug: string; name: string; changes: ImportChange[] }>;
  /** Departments named in the file that don't exist yet: the import creates them. */
  newDepartments: string[];
  /** Header cells that name no field (a misspelt column changes nothing). */
  unknownColumns: string[];
  errors: Array<{ line: number; problems: string[] }>;
}

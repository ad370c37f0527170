import { Hono } from 'hono';
import { type ConsoleEnv, EDITORS, requireRole } from '../sessions/context.ts';
import { ApiError } from '../http/api-error.ts';
import { publicBase } from '../http/public-base.ts';
import { signatureHtml, signatureText } from '../ratings/signature.ts';
import { createDepartment, listDepartments, updateDepartment } from './directory-departments.ts';
import { createEmployee, findEmployee, importEmployees, listEmployees, updateEmployee } from './directory-employees.ts';
import { sendSignature } from './directory-signature.ts';
import { createSubject, listSubjects, updateSubject } from './directory-subjects.ts';
import { anyFields } from '../http/validate.ts';
import { actorOf } from '../sessions/context.ts';
import type { ConsoleDeps } from './deps.ts';
import { FORM_BODY, limitBody } from '../http/body-limit.ts';
import {
  departmentCreate,
  departmentPatch,
  employeeCreate,
  employeePatch,
  subjectCreate,
  subjectPatch,
} from '../../shared/directory-schema.ts';

/** The body of a directory change, holding only its schema's fields: a typo («actve») is a 422 naming it. */
const fieldsOf = (schema: object) => anyFields(Object.keys(schema));

/** Departments: `GET /`, `POST /`, `PATCH /:id`. Everyone reads; editors change. */
export function departmentsRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const edit = [requireRole(...EDITORS), limitBody(FORM_BODY)] as const;
  app.get('/', async (c) => c.json(await listDepartments(deps.db)));
  app.post('/', ...edit, fieldsOf(departmentCreate), async (c) =>
    c.json(await createDepartment(deps.db, deps.clock, actorOf(c, deps.config.trustProxy), c.req.valid('json')), 201),
  );
  app.patch('/:id', ...edit, fieldsOf(departmentPatch), async (c) =>
    c.json(
      await updateDepartment(
        deps.db,
        deps.clock,
        actorOf(c, deps.config.trustProxy),
        c.req.param('id'),
        c.req.valid('json'),
      ),
    ),
  );
  return app;
}

/**
 * Employees: `GET /`, `POST /`, `PATCH /:slug` (with `active`), `POST /import` (multipart
 * `file`; `?dryRun=1` only previews), `GET /:slug/signature` → `{html, text}`,
 * `POST /:slug/signature/send` (e-mails it to him).
 */
export function employeesRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const editors = requireRole(...EDITORS);
  app.get('/', async (c) => c.json(await listEmployees(deps.db)));
  app.post('/', editors, limitBody(FORM_BODY), fieldsOf(employeeCreate), async (c) =>
    c.json(await createEmployee(deps.db, deps.clock, actorOf(c, deps.config.trustProxy), c.req.valid('json')), 201),
  );
  app.post('/import', editors, limitBody(5 * 1024 * 1024), async (c) => {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (!type.startsWith('multipart/form-data')) throw new ApiError(415, 'unsupported_media_type');
    const body = await c.req.parseBody().catch(() => {
      throw new ApiError(400, 'bad_request');
    });
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) throw new ApiError(422, 'validation', { file: 'required' });
    const dryRun = ['1', 'true'].includes(c.req.query('dryRun') ?? '');
    return c.json(await importEmployees(deps.db, deps.clock, actorOf(c, deps.config.trustProxy), file, dryRun));
  });
  app.get('/:slug', async (c) => c.json(await findEmployee(deps.db, c.req.param('slug'))));
  app.patch('/:slug', editors, limitBody(FORM_BODY), fieldsOf(employeePatch), async (c) =>
    c.json(
      await updateEmployee(
        deps.db,
        deps.clock,
        actorOf(c, deps.config.trustProxy),
        c.req.param('slug'),
        c.req.valid('json'),
      ),
    ),
  );
  // The snippet alone, for the console's preview frame (http/page-policy.ts lets the console frame
  // it with its inline styles): also a disabled employee's, whom the public snippet no longer serves.
  app.get('/:slug/signature.html', async (c) =>
    c.html(signatureHtml(publicBase(c, deps.config), await findEmployee(deps.db, c.req.param('slug')))),
  );
  app.get('/:slug/signature', async (c) => {
    const e = await findEmployee(deps.db, c.req.param('slug'));
    const base = publicBase(c, deps.config);
    return c.json({ html: signatureHtml(base, e), text: signatureText(base, e) });
  });
  app.post('/:slug/signature/send', editors, async (c) =>
    c.json(
      await sendSignature(deps, actorOf(c, deps.config.trustProxy), c.req.param('slug'), publicBase(c, deps.config)),
    ),
  );
  return app;
}

/** Rating subjects: `GET /`, `POST /`, `PATCH /:slug`. */
export function subjectsRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const edit = [requireRole(...EDITORS), limitBody(FORM_BODY)] as const;
  app.get('/', async (c) => c.json(await listSubjects(deps.db)));
  app.post('/', ...edit, fieldsOf(subjectCreate), async (c) =>
    c.json(await createSubject(deps.db, deps.clock, actorOf(c, deps.config.trustProxy), c.req.valid('json')), 201),
  );
  app.patch('/:slug', ...edit, fieldsOf(subjectPatch), async (c) =>
    c.json(
      await updateSubject(
        deps.db,
        deps.clock,
        actorOf(c, deps.config.trustProxy),
        c.req.param('slug'),
        c.req.valid('json'),
      ),
    ),
  );
  return app;
}

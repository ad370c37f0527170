import type { Compilable, CompiledQuery } from 'kysely';
import { type Db, type DbKind, dbKind } from './connection.ts';

/** Stands for a named argument while a query is built once (`preparedQuery`). */
class Argument {
  constructor(readonly name: string) {}
}

/** How a prepared query's build names its arguments: `arg('slug')` where the value would go. */
export type ArgumentOf<A> = <K extends keyof A & string>(name: K) => A[K];

/**
 * A query built and compiled once per dialect, then run with new arguments: Kysely builds a query
 * afresh on every call, copying its operation tree at each step (about 25 µs for a short select,
 * 100 µs for the reviews' four-table join, against 7 µs to run the compiled statement; issue 12
 * «Speed»). `build` must give the same SQL whatever the arguments: a query whose shape depends on
 * them (an optional filter) needs one prepared query per shape. Values that are not arguments stay
 * as they were built.
 * @example
 * const bySlug = preparedQuery<{ slug: string }, { name: string }>((db, arg) =>
 *   db.selectFrom('employees').select('name').where('slug', '=', arg('slug')));
 * await bySlug(db, { slug: 'ivanov' }); // [{ name: 'Иван Иванов' }]
 */
export function preparedQuery<A extends object, R>(build: (db: Db, arg: ArgumentOf<A>) => Compilable<R>) {
  const compiled = new Map<DbKind, CompiledQuery<R>>();
  const placeholder = ((name: string) => new Argument(name)) as ArgumentOf<A>;
  return async (db: Db, args: A): Promise<R[]> => {
    const kind = dbKind(db);
    let query = compiled.get(kind);
    if (!query) {
      query = build(db, placeholder).compile();
      compiled.set(kind, query);
    }
    const parameters = query.parameters.map((p) =>
      p instanceof Argument ? (args as Record<string, unknown>)[p.name] : p,
    );
    const { rows } = await db.executeQuery<R>({ ...query, parameters });
    return rows;
  };
}

/**
 * Prepared queries of one kind whose SQL depends on which parts of a filter are there: one per
 * `shape` (a key naming those parts), made on the shape's first use.
 * @example const page = preparedByShape((shape) => preparedQuery(…)); await page('employee|')(db, args)
 */
export function preparedByShape<Q>(make: (shape: string) => Q): (shape: string) => Q {
  const made = new Map<string, Q>();
  return (shape) => {
    let q = made.get(shape);
    if (!q) {
      q = make(shape);
      made.set(shape, q);
    }
    return q;
  };
}

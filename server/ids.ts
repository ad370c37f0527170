import { randomUUID } from 'node:crypto';

/** Ids are made by the application, not the database, so both dialects behave alike. */
export const newId = (): string => randomUUID();

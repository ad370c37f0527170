import { v7 as uuidv7 } from 'uuid';

/**
 * Ids are made by the application, not the database, so both dialects behave alike. Time-ordered
 * UUIDs (version 7: the millisecond, then 74 random bits): a new row's id lands at the end of every
 * index keyed by it, so the rows one commit holds share a few pages, where random ids dirtied a
 * page of each index per row (issue 12 «Speed»). Still unguessable in practice, never a secret.
 * @example newId() // '019aeb6f-2c1a-7c3e-9b41-5d0e8f7a6c21'
 */
export const newId = (): string => uuidv7();

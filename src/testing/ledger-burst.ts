/**
 * A child process for the crash test: appends single-event transactions as fast as it can and
 * prints each sequence number after its transaction committed ("acknowledged"), until killed.
 * Environment: BURST_ORG, and BURST_DATA_DIR (SQLite) or BURST_DATABASE_URL + BURST_SCHEMA.
 */
import { systemActor } from '../platform/authz/actor.ts';
import { openDatabase } from '../platform/db/database.ts';
import { appendEvents } from '../modules/ledger/append.service.ts';

const database = openDatabase(
  process.env.BURST_DATABASE_URL
    ? { databaseUrl: process.env.BURST_DATABASE_URL, pgSchema: process.env.BURST_SCHEMA, pgPoolSize: 2 }
    : { dataDir: process.env.BURST_DATA_DIR! },
);
const actor = systemActor(process.env.BURST_ORG!, 'burst', []);
for (let i = 0; ; i++) {
  const { firstSeq } = await database.db.transaction().execute((tx) => appendEvents(tx, actor, null, [{ action: 'test.burst.appended', resource: { type: 'burst', id: String(i) } }]));
  process.stdout.write(`${firstSeq}\n`);
}

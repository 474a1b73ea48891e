import type { CreateTableBuilder, Expression, QueryExecutorProvider, RawBuilder, SelectQueryBuilder } from 'kysely';
import type { Db, DialectName, Executor } from '../database.js';
import type { BatchedOutcome, BatchedWrite, CheckedStream } from '../sds-writes.js';
import type { CatalogValue, TableInfo } from '../tables.js';

/** Makes a SELECT lock the rows it returns, or leaves it as it is where the dialect needs no row locks. */
export type RowLock = <DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, O>;

/**
 * Everything that differs between SQLite and PostgreSQL, as the same functions for both (./sqlite.ts,
 * ./postgres.ts). The store picks one when it opens the database; domain code calls it through the store or its
 * context and never asks which database it runs on.
 */
/** An SDS data write to one stream, as the group commit of SDS writes (../sds-writes.ts) takes it. */
export interface GroupCommittedWrite<K> {
  tenantId: string;
  namespaceId: string;
  streamId: string;
  /** The write checked against the stream as read: its keyed events (none: nothing to write), or throws why not. */
  check(stream: CheckedStream | undefined): readonly K[];
  write(stream: CheckedStream, keyed: readonly K[]): BatchedWrite;
  /** The batch's outcome for this write: true when written, false when it must be written the ordinary way. */
  settle(outcome: BatchedOutcome, keyed: readonly K[]): boolean;
  /** Why the write failed when its namespace went away while it was being written. */
  gone(): Error;
}

/** What DialectOps.joinRows needs of every row it joins. */
export interface JoinableRow {
  seq: number | string;
  created_at: string;
}

/**
 * What comes before the joined items (`open`), and the room to leave after them for what closes them: a closing
 * text written there needs no copy of the whole (a page of hundreds of kilobytes copied into a buffer of its own
 * doubled the memory outside the heap that each answer churns, and with it the full collections that churn forces).
 */
export interface TextFrame {
  open: string;
  /** Bytes of room after the items. */
  room: number;
}

/** A text in a frame: the frame's `open`, the text, then the frame's room, in UTF-8. */
export interface FramedText {
  text: Buffer;
  /** Bytes of `text` before the room. */
  used: number;
}

/** Rows joined into one text (DialectOps.joinRows). */
export interface JoinedRows extends FramedText {
  count: number;
  /** The last row's `seq` and `created_at`; undefined when there were no rows. */
  last: { seq: number; createdAt: string } | undefined;
}

export interface DialectOps {
  readonly name: DialectName;

  // Transactions

  /**
   * Makes the transaction's writers under `key` take turns until it ends. SQLite needs nothing: every transaction
   * holds the database's write lock from its first statement.
   */
  serializeWriters(trx: Executor, key: string): Promise<void>;
  /**
   * Runs `work` in a transaction whose commit does not wait for the disk (PostgreSQL), for writes that may be lost
   * in a crash; in the transaction `db` already is, if it is one.
   */
  withoutWaitingForDisk<T>(db: Executor, work: (db: Executor) => Promise<T>): Promise<T>;
  /** Locks the rows a SELECT reads until the transaction ends: FOR UPDATE on PostgreSQL, nothing more on SQLite. */
  readonly lockRows: RowLock;
  /**
   * Claims rows that several workers compete for: `pick` chooses candidates (passing its SELECT through the lock it
   * is given) and `take` claims those it is given, repeating the condition that made them candidates. PostgreSQL
   * picks and takes them in one transaction, skipping rows another worker has locked; SQLite takes each candidate
   * with a statement of its own, which matches only if no other worker took it first.
   */
  claimRows<T>(db: Db, pick: (db: Executor, lock: RowLock) => Promise<readonly string[]>, take: (db: Executor, ids: readonly string[]) => Promise<T[]>): Promise<T[]>;

  /**
   * Writes `write` group-committed with others that arrive together, answering after the shared commit. SQLite
   * checks and writes it in the same transaction; PostgreSQL checks it here (against the stream as this process last
   * read it, if it did) and the batch writes it only if the stream is still as checked. False when it was not
   * written (`db` is not a store's own database, or the stream changed in between): the caller writes it itself.
   */
  groupCommitSdsWrite<K>(db: Db, write: GroupCommittedWrite<K>): Promise<boolean>;

  // SQL expressions

  /** `iso` (an ISO 8601 UTC timestamp) plus `seconds`, as the same kind of text. */
  plusSeconds(iso: string, seconds: Expression<number>): RawBuilder<string>;
  /**
   * One part of a UNION ALL whose whole is ordered by `column` and cut at `limit`, cut the same way itself where
   * that helps the planner (PostgreSQL then merges the parts instead of sorting them all); as it is on SQLite, which
   * merges compound parts without it.
   */
  cutUnionPart(part: RawBuilder<unknown>, column: string, limit: number): RawBuilder<unknown>;
  /**
   * The rows of a merge of runs of `table` (`runs(carried)`: a compound select, ordered, whose parts each select
   * `carried` after their own columns) with `columns` of each row too, in the merge's order. PostgreSQL carries the
   * columns through the merge. SQLite copies every value a part carries at each level of its merge (a page of 1,000
   * changes from 10 streams passed each event text through four), so there the parts carry the rowid and the
   * columns are read after the merge, by rowid.
   */
  readAfterMerge<R>(table: string, columns: readonly string[], runs: (carried: RawBuilder<unknown>) => RawBuilder<unknown>): RawBuilder<R>;
  /**
   * Runs `rows` (ordered by `seq`) and answers each row's item joined by commas, as UTF-8, with the rows' count and
   * the last one's position. SQLite joins them itself (`item.sql`, an expression over a row's columns), in one
   * aggregate row whose bytes come as they are: its C builds the text several times faster than the driver hands
   * over a thousand rows. PostgreSQL hands over the rows, spelled here (`item.of`): spelled by PostgreSQL, a page
   * took less of this process's time but more in all, and PostgreSQL's own aggregation more still.
   */
  joinRows<R extends JoinableRow>(db: Executor, rows: RawBuilder<R>, item: { sql: RawBuilder<string>; of(row: R): string }, frame: TextFrame): Promise<JoinedRows>;
  /** A JSON array of the JSON arrays of `values`, one per row the enclosing aggregate reads, as text ('[]' for none). */
  jsonArrays(values: readonly Expression<unknown>[]): RawBuilder<string>;
  /**
   * An UPDATE ... RETURNING every column of the rows it changed plus `returning(row)` (expressions over `row`, the
   * name under which the changed row is seen), as one statement whose commit need not wait for the disk.
   */
  updateReturningLazily<R>(update: RawBuilder<unknown>, table: string, returning: (row: string) => RawBuilder<unknown>): RawBuilder<R>;

  // Schema and catalogue

  /** Adds an auto-numbered primary key `seq`. */
  withSeq<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'seq'>;
  /** Every table of the schema except the database's and the migrator's own, in no particular order. */
  tables(db: Db): Promise<TableInfo[]>;
  /** After rows were copied in with their own numbers, numbering continues after the largest. */
  resyncSequences(db: Db): Promise<void>;
  /** After change records were copied in, the next change of each namespace comes after its newest. */
  resyncChangeCounters(trx: QueryExecutorProvider): Promise<void>;
  /** A value as this database stores it in a column (SQLite has no booleans: flags are 0/1 on both). */
  storedValue(value: CatalogValue): CatalogValue;
}


// Shows one record's page once the record is there: a spinner while it loads, "not found" (with a way back) when it
// is not, else the page for it. Pages pass the record as `undefined` while loading and `null` when it is not there.
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { RxResult } from '../db/use-rx';

/** A record being loaded: `undefined` while loading, `null` when there is none. */
export type Loaded<T> = T | null | undefined;

/** An RxDB query result as a loaded record (a reload in progress keeps showing the record it had). */
export function loadedRecord<T>(result: RxResult<T | null | undefined>): Loaded<T> {
  if (result.loading && result.value === undefined) return undefined;
  return result.value ?? null;
}

export interface RecordLoaderProps<T> {
  record: Loaded<T>;
  /** The 404 title: which record is missing, in the feature's words. */
  notFound: string;
  /** Where the 404 page leads back to (the list). */
  back?: { label: string; to: string };
  children: (record: T) => ReactNode;
}

export function RecordLoader<T>({ record, notFound, back, children }: RecordLoaderProps<T>) {
  if (record === undefined) return <Spin />;
  if (record === null) return <RecordNotFound title={notFound} back={back} />;
  return children(record);
}

/** The page for a record that is not there (deleted, or a stale link), with the way back when given. */
export function RecordNotFound({ title, back }: { title: string; back?: { label: string; to: string } }) {
  return (
    <Result
      status="404"
      title={title}
      extra={
        back ? (
          <Link to={back.to}>
            <Button>{back.label}</Button>
          </Link>
        ) : undefined
      }
    />
  );
}

import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ReactNode } from 'react';

/**
 * The three states every data view shares: loading, error (with the
 * server's message through `ResponseErrorPanel`) and loaded.
 */
export function AsyncContent<T>(props: {
  loading: boolean;
  error?: Error;
  value?: T;
  children: (value: T) => ReactNode;
}) {
  const { loading, error, value, children } = props;
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (value === undefined) return null;
  return <>{children(value)}</>;
}

/** Empty state shown when the backend knows no locations. */
export function NoLocationsEmptyState() {
  return (
    <EmptyState
      missing="data"
      title="No locations known yet"
      description="The region-expansion backend lists no partitions or Regions. Check that the region-expansion backend plugin is installed in packages/backend and that its location snapshot loaded. Local Zones and Outposts are added through POST /locations."
    />
  );
}

/**
 * The server's own message of a failed call: `ResponseError` keeps the
 * backend's error body (`{ error: { message } }`) in `body`, while its
 * `message` only names the status.
 */
export function serverMessage(error: Error): string {
  const body = (error as { body?: { error?: { message?: unknown } } }).body;
  const message = body?.error?.message;
  return typeof message === 'string' && message ? message : error.message;
}

/** True for a `ResponseError` with the given HTTP status. */
export function hasStatus(error: Error | undefined, status: number): boolean {
  return !!error && (error as { statusCode?: unknown }).statusCode === status;
}

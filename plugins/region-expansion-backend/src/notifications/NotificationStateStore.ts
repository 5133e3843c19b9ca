/**
 * A remembered condition: the last state seen for a topic.
 *
 * @public
 */
export interface RememberedNotificationState {
  topic: string;
  /** The location the topic is about, or `governance`. */
  scopeKey: string;
  state: string;
}

/**
 * The last state per notification topic, so a condition is notified once
 * until it changes, across cycles and backend restarts.
 *
 * @public
 */
export interface NotificationStateStore {
  /** Every remembered topic of these scopes. */
  list(scopeKeys: readonly string[]): Promise<RememberedNotificationState[]>;
  /** Remembers (inserts or replaces) these states. */
  put(
    states: readonly RememberedNotificationState[],
    at: string,
  ): Promise<void>;
  /** Forgets these topics. */
  remove(topics: readonly string[]): Promise<void>;
}

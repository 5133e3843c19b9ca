/**
 * An error AWS answers with (HTTP status, error type, message). Operations
 * throw it; the service writes it in its wire protocol's error envelope.
 */
export class AwsFault extends Error {
  constructor(readonly status: number, readonly type: string, message: string) {
    super(message);
    this.name = 'AwsFault';
  }
}

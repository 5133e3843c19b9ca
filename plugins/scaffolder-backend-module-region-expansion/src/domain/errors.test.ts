import { ResponseError } from '@backstage/errors';
import { backendRefusal } from './errors';

const refusal = (status: number, statusText: string, message: string) =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'SomeError', message },
        request: { method: 'POST', url: '/cells' },
        response: { statusCode: status },
      }),
      { status, statusText, headers: { 'content-type': 'application/json' } },
    ),
  );

describe('backendRefusal', () => {
  it.each([
    [
      400,
      'Bad Request',
      'accountId: must be a 12-digit AWS account id',
      'InputError',
      'cells.2.accountId: must be a 12-digit AWS account id',
    ],
    [
      400,
      'Bad Request',
      '(root): not valid JSON',
      'InputError',
      'cells.2: not valid JSON',
    ],
    [
      409,
      'Conflict',
      "id: cell 'payments-de-cell-03' already exists",
      'ConflictError',
      "cells.2.id: cell 'payments-de-cell-03' already exists",
    ],
    [
      403,
      'Forbidden',
      'not allowed to manage cells',
      'NotAllowedError',
      'cells.2: not allowed to manage cells',
    ],
  ])(
    'turns a %i answer into the error of its kind, naming the field',
    async (status, statusText, message, name, expected) => {
      const error = backendRefusal(
        await refusal(status, statusText, message),
        'cells.2',
      );
      expect(error.name).toBe(name);
      expect(error.message).toBe(expected);
    },
  );

  it("keeps only the status of a server failure, not the server's text", async () => {
    const error = backendRefusal(
      await refusal(
        500,
        'Internal Server Error',
        'connect ECONNREFUSED db:5432',
      ),
      'controlPlane',
    );
    expect(error.message).toBe(
      'controlPlane: the region-expansion backend failed with 500 Internal Server Error; retry the task',
    );
  });

  it('passes any other error through', () => {
    const error = new TypeError('boom');
    expect(backendRefusal(error, 'cells.0')).toBe(error);
  });
});

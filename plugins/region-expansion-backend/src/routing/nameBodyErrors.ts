import express from 'express';

const bytes = (n: number) =>
  n >= 2 ** 20 ? `${Math.round(n / 2 ** 20)} MB` : `${Math.round(n / 1024)} KB`;

const withStatus = (message: string, name: string, statusCode: number) =>
  Object.assign(new Error(message), { name, statusCode });

/**
 * Error middleware after every route of the plugin. body-parser's errors
 * name neither the field nor the reason in this API's `field: reason`
 * form ("Unexpected end of JSON input", "request entity too large",
 * "unsupported charset"), so they are renamed: the body is `(root)`, an
 * encoding or charset is its header. A route's own renaming
 * (`nameOversizedBody`) runs first and is kept; any other error passes
 * through untouched.
 */
export function nameBodyErrors(): express.Handler {
  const handler: express.ErrorRequestHandler = (error, _req, _res, next) => {
    switch (error?.type) {
      case 'entity.parse.failed':
        next(
          withStatus(
            `(root): not valid JSON (${error.message})`,
            'InputError',
            400,
          ),
        );
        return;
      case 'entity.too.large':
        next(
          withStatus(
            `(root): the request body is over this route's ${bytes(
              error.limit,
            )} limit`,
            'PayloadTooLargeError',
            413,
          ),
        );
        return;
      case 'encoding.unsupported':
        next(
          withStatus(
            `Content-Encoding: '${error.encoding}' is not supported; send the body uncompressed, gzip or deflate`,
            'UnsupportedMediaTypeError',
            415,
          ),
        );
        return;
      case 'charset.unsupported':
        next(
          withStatus(
            `Content-Type: charset '${error.charset}' is not supported; send UTF-8`,
            'UnsupportedMediaTypeError',
            415,
          ),
        );
        return;
      case 'request.aborted':
      case 'request.size.invalid':
        next(
          withStatus(
            '(root): the request body ended before its Content-Length',
            'InputError',
            400,
          ),
        );
        return;
      default:
        next(error);
    }
  };
  // The plugin's HTTP router is an express router and calls a four-argument
  // handler with the error of any route before it; its `use` is typed for
  // request handlers only.
  return handler as unknown as express.Handler;
}

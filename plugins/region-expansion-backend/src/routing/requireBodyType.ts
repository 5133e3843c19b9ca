import express from 'express';

/**
 * Refuses a request body of a type the route does not read (`accepted`:
 * JSON, and YAML on POST /tenants/import), before its parsers run. Without
 * it, express's parsers skip such a body and the route sees an empty one:
 * "id: is required" for a body that holds an id, or an optional-body route
 * (POST /governance/sync) that acts on defaults. Only headers are read, so
 * no body is buffered. Requests without a body pass.
 */
export function requireBodyType(options: {
  accepted: string[];
}): express.RequestHandler {
  return (req, _res, next) => {
    const length = req.headers['content-length'];
    const hasBody =
      req.headers['transfer-encoding'] !== undefined ||
      (length !== undefined && length !== '0');
    if (!hasBody) {
      next();
      return;
    }
    const { accepted } = options;
    if (req.is(accepted)) {
      next();
      return;
    }
    next(
      Object.assign(
        new Error(
          `Content-Type: '${
            req.headers['content-type'] ?? '(none)'
          }' is not read here; send ${accepted.join(' or ')}`,
        ),
        { name: 'UnsupportedMediaTypeError', statusCode: 415 },
      ),
    );
  };
}

import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import express from 'express';

/**
 * An express app of `routers` followed by Backstage's error handler, so
 * thrown errors answer as the backend answers them (status, `error.message`).
 */
export function appWithErrors(...routers: express.Router[]): express.Express {
  const app = express();
  for (const router of routers) app.use(router);
  return app.use(
    MiddlewareFactory.create({
      config: new ConfigReader({}),
      logger: mockServices.logger.mock(),
    }).error(),
  );
}

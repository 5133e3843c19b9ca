import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import type { RouteDefinition } from '@region-expansion/plugin-region-expansion-common';
import type { RegionExpansionScope } from '@region-expansion/plugin-region-expansion-node';
import express from 'express';
import { z } from 'zod';

type Output<S> = S extends z.ZodType ? z.output<S> : {};

/**
 * What a route's handler receives: the validated path, query and body, and
 * the caller, authorized for the route's permission.
 *
 * @public
 */
export interface RouteContext<R extends RouteDefinition> {
  path: Output<R['params']>;
  query: Output<R['query']>;
  body: R['body'] extends z.ZodType ? z.output<R['body']> : undefined;
  credentials: BackstageCredentials;
  /** Who acts: the user's entity ref, else the principal's subject. */
  actor: string;
  /**
   * What the caller may see, from a conditional decision (see
   * `mountRoutes`); absent when everything is allowed. Only a handler
   * declared `scoped` gets one.
   */
  scope?: RegionExpansionScope;
  /** Checks one more permission for the same caller (403 when denied). */
  authorize(permission: BasicPermission): Promise<BackstageCredentials>;
  req: express.Request;
  res: express.Response;
}

const REPLY = Symbol('reply');

/**
 * An answer with the route's other success status (`otherSuccess`).
 *
 * @public
 */
export interface Reply<T> {
  [REPLY]: true;
  status: number;
  body: T;
}

/**
 * Answers `body` with `status` rather than the route's usual success.
 *
 * @public
 */
export function reply<T>(status: 200 | 201, body: T): Reply<T> {
  return { [REPLY]: true, status, body };
}

/** Whether a handler's result is a {@link Reply}. */
export function isReply(value: unknown): value is Reply<unknown> {
  return typeof value === 'object' && value !== null && REPLY in value;
}

/**
 * What a handler answers: the JSON body of the route's response (or a
 * {@link Reply}); a route that answers a file writes it to `res` and
 * answers nothing.
 *
 * @public
 */
export type RouteResult<R extends RouteDefinition> =
  R['response'] extends z.ZodType
    ? z.input<R['response']> | Reply<z.input<R['response']>>
    : void;

/**
 * A route's handler: a function of the context, or one with steps of its
 * own before the body is read (taking a slot of a limited resource) and in
 * place of the schema's body check (rows validated a slice at a time).
 *
 * @public
 */
export type RouteHandler<R extends RouteDefinition> =
  | ((ctx: RouteContext<R>) => Promise<RouteResult<R>>)
  | {
      /**
       * The handler applies `ctx.scope`: it filters what it answers, or
       * answers 404 (a read) or 403 (a write) for a resource outside it.
       * A conditional decision on a route without it is a 403, so nothing
       * unfiltered leaks.
       */
      scoped?: true;
      /** Runs after authorization and before the body is read. */
      beforeBody?: (req: express.Request, res: express.Response) => void;
      /** Reads the body instead of the route's schema. */
      parseBody?: (
        raw: unknown,
        req: express.Request,
      ) => Promise<RouteContext<R>['body']> | RouteContext<R>['body'];
      handle: (ctx: RouteContext<R>) => Promise<RouteResult<R>>;
    };

/**
 * One handler per route of a table.
 *
 * @public
 */
export type RouteHandlers<T extends Record<string, RouteDefinition>> = {
  [K in keyof T]: RouteHandler<T[K]>;
};

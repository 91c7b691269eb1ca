/**
 * The /v1 route table: every API route is registered through `route(spec, …handlers)`, which
 * mounts it on Express with its access check and keeps the spec for /v1/openapi.json. One table
 * serves both, so the document cannot describe a route that does not exist or miss one that does.
 */
import { Router, type RequestHandler } from 'express';
import type { z } from 'zod';
import type { Role } from '../domain/index.js';

/** Access: who may call a route — anyone, the revocation admin key, or API keys of some roles. */
export type Access = { readonly kind: 'public' } | { readonly kind: 'admin' } | { readonly kind: 'key'; readonly roles: readonly Role[] };

/** JsonSchema is a schema written by hand where no zod schema exists (files, generic objects). */
export type JsonSchema = { readonly [key: string]: unknown };

/** Body is one media type's schema: zod (converted for the document) or plain JSON Schema. */
export type BodySchema = z.ZodType | JsonSchema;

export interface ResponseSpec {
  readonly description: string;
  readonly content?: { readonly [mediaType: string]: BodySchema };
}

/** RouteSpec describes one route; `path` is written the OpenAPI way, `/v1/applications/{number}`. */
export interface RouteSpec {
  readonly method: 'get' | 'post' | 'put';
  readonly path: string;
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly access: Access;
  readonly params?: { readonly [name: string]: string };
  readonly query?: z.ZodType;
  /** idempotent: the route honours an `Idempotency-Key` header. */
  readonly idempotent?: boolean;
  readonly body?: { readonly [mediaType: string]: BodySchema };
  /** optionalBody: the route also takes a request without a body. */
  readonly optionalBody?: boolean;
  readonly responses: { readonly [status: string]: ResponseSpec };
}

/** Api is the registrar: the router to mount and the specs it holds. */
export interface Api {
  readonly router: Router;
  route(spec: RouteSpec, ...handlers: RequestHandler[]): void;
  specs(): readonly RouteSpec[];
}

/** AccessChecks makes the middleware of each access kind. */
export interface AccessChecks {
  admin: RequestHandler;
  key(roles: readonly Role[]): RequestHandler;
}

/** expressPath turns `{name}` segments into Express's `:name`. */
export function expressPath(path: string): string {
  return path.replace(/\{([A-Za-z]+)\}/g, ':$1');
}

export function createApi(access: AccessChecks): Api {
  const router = Router();
  const specs: RouteSpec[] = [];
  return {
    router,
    route(spec, ...handlers) {
      const guard = spec.access.kind === 'public' ? [] : spec.access.kind === 'admin' ? [access.admin] : [access.key(spec.access.roles)];
      router[spec.method](expressPath(spec.path), ...guard, ...handlers);
      specs.push(spec);
    },
    specs: () => specs,
  };
}

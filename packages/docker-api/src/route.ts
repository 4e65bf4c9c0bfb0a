/** The route table's shape and the context every handler gets. */
import type { ServerResponse } from 'node:http';
import type { RequestContext, SwarmBackend } from './backend.js';
import type { DockerRequest, ServerIdentity } from './http.js';

export interface HandlerContext {
  backend: SwarmBackend;
  ctx: RequestContext;
  id: ServerIdentity;
  /** Now in ms (injected for tests). */
  now: () => number;
}

export type Handler = (req: DockerRequest, res: ServerResponse, h: HandlerContext) => Promise<void>;

/** A route whose handler gets a context of type `H` (see `createRoutedHandler`). */
export interface RouteOf<H> {
  /** The HTTP method (`HEAD` requests of other paths are routed as `GET`). */
  method: 'GET' | 'HEAD' | 'POST' | 'DELETE' | 'PUT';
  /** `/services/{id}/update`: `{name}` matches one path segment, `{name+}` one or more. */
  pattern: string;
  /** Answers the request (throw a `Docker*Error` to answer with its status). */
  handle: (req: DockerRequest, res: ServerResponse, h: H) => Promise<void>;
}

export type Route = RouteOf<HandlerContext>;

/** A route with its pattern compiled. */
export interface CompiledRoute<H = HandlerContext> extends RouteOf<H> {
  /** The pattern as a regular expression. */
  regex: RegExp;
  /** The names of its `{name}` segments, in order. */
  names: string[];
}

/** Compiles route patterns (`{name}` segments) once, for `match`. */
export function compile<H = HandlerContext>(routes: readonly RouteOf<H>[]): CompiledRoute<H>[] {
  return routes.map((r) => {
    const names: string[] = [];
    // Patterns hold only letters, '/', '_' and `{name}` segments.
    // `{name}` is one segment; `{name+}` is one or more (an image reference such as library/redis).
    const source = r.pattern.replace(/\{(\w+)(\+?)\}/g, (_m, name: string, more: string) => {
      names.push(name);
      return more === '+' ? '(.+?)' : '([^/]+)';
    });
    return { ...r, regex: new RegExp(`^${source}/?$`), names };
  });
}

/** The route for a method and path: `{ route, params }`, or which methods the path allows. */
export function match<H = HandlerContext>(
  routes: readonly CompiledRoute<H>[],
  method: string,
  path: string,
): { route: CompiledRoute<H>; params: Record<string, string> } | { allowed: string[] } {
  const allowed: string[] = [];
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (m === null) continue;
    if (r.method !== method) {
      allowed.push(r.method);
      continue;
    }
    const params: Record<string, string> = {};
    r.names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1]!);
    });
    return { route: r, params };
  }
  return { allowed };
}

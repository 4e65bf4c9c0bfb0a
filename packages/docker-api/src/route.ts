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

export interface Route {
  method: 'GET' | 'HEAD' | 'POST' | 'DELETE';
  /** `/services/{id}/update`: `{name}` matches one path segment. */
  pattern: string;
  handle: Handler;
}

export interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

export function compile(routes: readonly Route[]): CompiledRoute[] {
  return routes.map((r) => {
    const names: string[] = [];
    // Patterns hold only letters, '/', '_' and `{name}` segments.
    const source = r.pattern.replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { ...r, regex: new RegExp(`^${source}/?$`), names };
  });
}

/** The route for a method and path: `{ route, params }`, or which methods the path allows. */
export function match(
  routes: readonly CompiledRoute[],
  method: string,
  path: string,
): { route: CompiledRoute; params: Record<string, string> } | { allowed: string[] } {
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

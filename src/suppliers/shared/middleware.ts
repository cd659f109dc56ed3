import type { Middleware } from 'openapi-fetch';

/** Sets one header on every request: API keys and static bearer tokens. */
export function headerAuth(name: string, value: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set(name, value);
      return request;
    },
  };
}

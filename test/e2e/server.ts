/** The real server the e2e config started, and helpers to drive its simulator. */
export interface E2eEnv {
  readonly baseUrl: string;
  readonly adminToken: string;
}

let env: Promise<E2eEnv> | undefined;

export function e2eEnv(): Promise<E2eEnv> {
  env ??= fetch('/__avw-e2e.json').then((r) => r.json() as Promise<E2eEnv>);
  return env;
}

/** Calls the API as the agent with `token`; throws on an error status. */
export async function api<T = unknown>(token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const { baseUrl } = await e2eEnv();
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { Authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
  return (text === '' ? null : JSON.parse(text)) as T;
}

/** A fresh agent of the demo tenant, so tests do not see each other's events. */
export async function newAgent(name = 'E2E Agent'): Promise<{ token: string; agentId: string }> {
  const { adminToken } = await e2eEnv();
  const created = await api<{ token: string; agent: { id: string } }>(adminToken, '/api/v1/sim/agents', { body: { name } });
  return { token: created.token, agentId: created.agent.id };
}

export async function until<T>(check: () => T | Promise<T>, message: string, timeout = 45000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

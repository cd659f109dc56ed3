import { z } from 'zod';

const Environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
});

export type GatewayConfig = { port: number; host: string };

/**
 * Reads the gateway's configuration from the environment. Throws one error that names every
 * missing or malformed variable, never a value (values may be secrets).
 */
export function loadConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return { port: parsed.data.PORT, host: parsed.data.HOST };
}

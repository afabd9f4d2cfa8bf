import { z } from 'zod';

// Prometheus's own shapes for HTTP credentials, shared by every source that makes HTTP requests.
export const AuthorizationSchema = z.strictObject({
  type: z.string().regex(/^\S+$/).default('Bearer'),
  credentials: z.string().min(1),
});

export const BasicAuthSchema = z.strictObject({
  username: z.string(),
  password: z.string().default(''),
});

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** The `authorization` header for whichever of the two a config gives, if any. */
export function authorizationHeader(config: {
  authorization?: z.infer<typeof AuthorizationSchema>;
  basic_auth?: z.infer<typeof BasicAuthSchema>;
}): string | undefined {
  if (config.authorization)
    return `${config.authorization.type} ${config.authorization.credentials}`;
  if (config.basic_auth)
    return basicAuthorization(config.basic_auth.username, config.basic_auth.password);
  return undefined;
}

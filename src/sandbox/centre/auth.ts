import { SandboxHttpError } from '../kit/index.ts';
import { CENTRE_SANDBOX_CHANNELS, type CentreChannel } from './channels.ts';

/** The active channel owning the X-API-Key header; throws the document's 401 or 403 otherwise. */
export function authenticate(header: string | string[] | undefined): CentreChannel {
  const key = Array.isArray(header) ? header[0] : header;
  // An empty value is as good as none: the spec records it as "missing".
  if (key === undefined || key.trim() === '') throw refused(401, 'Missing API Key');
  const channel = CENTRE_SANDBOX_CHANNELS.get(key);
  if (!channel) throw refused(401, 'Invalid API Key');
  if (!channel.active) throw refused(403, 'Sales Channel is not active');
  return channel;
}

function refused(status: number, error: string): SandboxHttpError {
  return new SandboxHttpError(status, { success: false, error });
}

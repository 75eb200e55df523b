/**
 * Reading a request body: JSON only, and never more than `maxBodyBytes`, whether the request
 * comes from MSW, `mock.fetch` or the Node server.
 */
import { fieldProblem, ProblemError } from './problem.js';

/**
 * The largest request body the mock reads: 64 KiB. The largest valid body (billing details
 * with every field at its `maxLength`) is under 2 KiB; the cap bounds the memory and the
 * validation time of any body, valid or not.
 */
export const maxBodyBytes = 64 * 1024;

/** The problem for a body over `maxBodyBytes`; the Node server answers it before reading on. */
export function bodyTooLarge(): ProblemError {
  return new ProblemError(413, 'body_too_large', {
    detail: `Request bodies are at most ${maxBodyBytes} bytes`,
  });
}

function mediaType(request: Request): string | null {
  const header = request.headers.get('content-type');
  return header === null ? null : (header.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * The body as text, read as a stream and abandoned as soon as it passes `maxBodyBytes` (a
 * declared `Content-Length` over the cap is refused before reading at all).
 */
async function readCappedText(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBodyBytes) throw bodyTooLarge();
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel();
      throw bodyTooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * The body as a JSON object. A body (or a `Content-Type`) that is not `application/json` is
 * `415 unsupported_media_type`, so an HTML form, which cannot send JSON, never changes
 * anything; a body over `maxBodyBytes` is `413 body_too_large`. No body where one is required,
 * bad JSON, an array or a string is `422 malformed_request` with a field error on the whole
 * body. A request without body and without `Content-Type` is fine where the body is optional.
 */
export async function readJsonBody(request: Request, required: boolean): Promise<unknown> {
  const type = mediaType(request);
  if (type !== null && type !== 'application/json') throw unsupportedMediaType(type);
  const text = await readCappedText(request);
  if (text.trim() === '') {
    if (!required) return undefined;
    throw fieldProblem('', 'malformed_request', 'A JSON request body is required');
  }
  if (type === null) throw unsupportedMediaType('no Content-Type');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw fieldProblem('', 'malformed_request', (error as Error).message);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw fieldProblem('', 'malformed_request', 'The request body must be a JSON object');
  }
  return parsed;
}

function unsupportedMediaType(got: string): ProblemError {
  return new ProblemError(415, 'unsupported_media_type', {
    detail: `Send the body as application/json (got ${got})`,
  });
}

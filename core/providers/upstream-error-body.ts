/** What a backend's error body says, in the shapes backends use. */
export interface UpstreamErrorFields {
  readonly message: string;
  /** The backend's machine-readable code (`context_length_exceeded`), when it gave a string one. */
  readonly code: string | null;
  /** Its error type (`invalid_request_error`, llama.cpp's `exceed_context_size_error`). */
  readonly type: string | null;
  /** The field it names. */
  readonly param: string | null;
}

// Codes, types and params are identifiers; anything else (a sentence, markup) is not passed on as one.
const IDENTIFIER = /^[A-Za-z0-9_.:\-[\]]{1,128}$/;

// A backend's own word for "the prompt does not fit", in the code OpenAI clients branch on.
const CODE_OF_TYPE: Readonly<Record<string, string>> = {
  exceed_context_size_error: 'context_length_exceeded',
};

/**
 * OpenAI and vLLM (`{"error":{message,type,param,code}}`, older vLLM flat), Anthropic
 * (`{"type":"error","error":{type,message}}`), llama.cpp (`{"error":{code:400,message,type}}`), Ollama
 * (`{"error":"…"}`) and FastAPI (`{"detail":"…"}`); a body that is not JSON is its own message.
 */
export function readUpstreamError(text: string): UpstreamErrorFields {
  let body: Record<string, unknown>;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== 'object') return plain(text);
    body = parsed as Record<string, unknown>;
  } catch {
    return plain(text);
  }
  const e = body['error'];
  if (typeof e === 'string') return plain(e);
  const fields = e && typeof e === 'object' ? (e as Record<string, unknown>) : body;
  const message =
    typeof fields['message'] === 'string'
      ? fields['message']
      : typeof body['message'] === 'string'
        ? body['message']
        : typeof body['detail'] === 'string'
          ? body['detail']
          : text;
  const type = identifier(fields['type']);
  return {
    message,
    code: identifier(fields['code']) ?? (type ? (CODE_OF_TYPE[type] ?? null) : null),
    type,
    param: identifier(fields['param']),
  };
}

const plain = (message: string): UpstreamErrorFields => ({ message, code: null, type: null, param: null });

function identifier(v: unknown): string | null {
  return typeof v === 'string' && IDENTIFIER.test(v) ? v : null;
}

import { type ChatRequest, textOf } from '../dialects/canonical.js';
import type { Json } from '../dialects/request-fields.js';
import { payloadTexts } from './payload-texts.js';

/**
 * What request guardrails judge: every text the request carries, read as the masker reads a payload (tool
 * descriptions, schemas, unknown fields included; adjacent text parts joined, as payload-texts.ts reads them),
 * plus each run of consecutive user turns joined, so an injection split across parts or turns is judged whole.
 */
export function requestGuardTexts(request: ChatRequest): string[] {
  const texts = bodyGuardTexts(request as Json);
  let userRun: string[] = [];
  const endRun = () => {
    if (userRun.length > 1) texts.push(userRun.join(''));
    userRun = [];
  };
  for (const m of request.messages) {
    if (m.role === 'user') userRun.push(textOf(m.content));
    else endRun();
  }
  endRun();
  return texts.filter((t) => t !== '');
}

/** Every non-empty text of any body (embeddings input too), as the masker reads it. */
export function bodyGuardTexts(body: Json): string[] {
  return payloadTexts(body)
    .slots.map((s) => s.text)
    .filter((t) => t !== '');
}

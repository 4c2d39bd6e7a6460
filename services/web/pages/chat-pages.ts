import { type Request, type Response, Router } from 'express';
import { ALGORITHMS, isAlgorithm, maskConversation } from '../anonymize/conversation-masking.js';
import { StreamRestorer } from '../anonymize/stream-restorer.js';
import { sendPage } from '../http/context.js';
import { formFields } from '../http/form.js';
import { html } from '../http/html.js';
import { requireUser } from '../http/security.js';
import type { WebDeps } from '../http/web-deps.js';
import { algorithmChoice } from './anonymizer-pages.js';
import { layout } from './layout.js';

interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

const MAX_MESSAGES = 200;

function messagesOf(raw: unknown): ChatMessage[] | null {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_MESSAGES) return null;
  const ok = raw.every(
    (m) =>
      typeof m === 'object' &&
      m !== null &&
      ['system', 'user', 'assistant'].includes(m.role) &&
      typeof m.content === 'string',
  );
  return ok ? (raw as ChatMessage[]).map((m) => ({ role: m.role, content: m.content })) : null;
}

/**
 * The chat: the history lives in the browser's session storage only; each turn the browser sends it whole, it is
 * masked here through the gateway (one placeholder per original across the conversation), only the masked text
 * goes to the model, and the streamed answer gets its originals back on the way to the page. The page is told the
 * masked texts and the mapping first, so it can show what the model saw.
 */
export function chatPages(deps: WebDeps): Router {
  const router = Router();
  router.use('/anonymize/chat', requireUser);

  router.get('/anonymize/chat', async (req, res) => {
    const { t } = req.page;
    const models = await deps.gateway.client<{ data: Array<{ id: string }> }>('GET', '/v1/models');
    const names = models.ok ? models.body.data.map((m) => m.id) : [];
    sendPage(
      res,
      200,
      layout(
        req.page,
        t.chat_title,
        html`<div id="chat" class="chat" data-chat data-t-you="${t.you}" data-t-model="${t.model_said}" data-t-saw="${t.model_saw}" data-t-placeholder="${t.placeholder}" data-t-original="${t.original}">
  ${models.ok ? '' : html`<p class="error" role="alert">${t.gateway_unreachable}: ${models.message}</p>`}
  <div class="chat-settings card">
    <label>${t.model}<select name="model" id="chat-model">${names.map((n) => html`<option>${n}</option>`)}</select></label>
    ${algorithmChoice(t, 'fast', true)}
    <p class="warning" id="privacy-warning" hidden>${t.privacy_warning}</p>
    <label>${t.system_prompt}<textarea id="chat-system" rows="2"></textarea></label>
    <p class="actions"><button type="button" id="chat-new">${t.chat_new}</button>
      <button type="button" id="chat-export">${t.chat_export}</button>
      <label class="button">${t.chat_import}<input type="file" id="chat-import" accept=".json,application/json" hidden></label></p>
  </div>
  <ol id="chat-log" class="chat-log" aria-live="polite"></ol>
  <form id="chat-form" class="chat-form"><textarea id="chat-input" rows="3" required placeholder="${t.chat_placeholder}" data-drop-target></textarea><button class="primary" id="chat-send">${t.send}</button></form>
</div>`,
      ),
    );
  });

  router.post('/anonymize/chat/message', async (req: Request, res: Response) => {
    const { t } = req.page;
    const body = formFields(req);
    const messages = messagesOf(body['messages']);
    const model = body['model'];
    if (!messages || typeof model !== 'string' || model === '')
      return res.status(400).json({ error: t.chat_invalid, param: messages ? 'model' : 'messages' });
    const algorithm = body['algorithm'];
    if (algorithm !== 'none' && !isAlgorithm(algorithm))
      return res.status(400).json({ error: t.chat_invalid, param: 'algorithm' });

    let sent = messages;
    let mappings: Record<string, string> = {};
    if (algorithm !== 'none') {
      const masked = await maskConversation(
        deps.gateway,
        messages.map((m) => m.content),
        algorithm,
      );
      // Masking asked for and not done: nothing is sent to the model.
      if (!masked.ok) return res.status(502).json({ error: `${t.masking_failed}: ${masked.message}` });
      sent = messages.map((m, i) => ({ role: m.role, content: masked.texts[i]! }));
      mappings = masked.mappings;
    }
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    let upstream: Awaited<ReturnType<typeof deps.gateway.streamChat>>;
    try {
      upstream = await deps.gateway.streamChat({ model, messages: sent, stream: true }, abort.signal);
    } catch (err) {
      return res.status(502).json({ error: `${t.gateway_unreachable}: ${(err as Error).message}` });
    }
    if (upstream.statusCode !== 200) {
      const text = await upstream.body.text();
      let message = `HTTP ${upstream.statusCode}`;
      try {
        message = JSON.parse(text).error?.message ?? message;
      } catch {
        // Not JSON: the status says it.
      }
      return res.status(upstream.statusCode >= 500 ? 502 : upstream.statusCode).json({ error: message });
    }
    res
      .status(200)
      .set({ 'content-type': 'application/x-ndjson', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
    line({
      masked: sent.map((m) => m.content),
      mappings,
      algorithm,
      maskers: algorithm === 'none' ? [] : ALGORITHMS[algorithm],
    });
    const restorer = new StreamRestorer(mappings);
    let rest = '';
    let said = '';
    try {
      for await (const chunk of upstream.body) {
        rest += chunk.toString();
        let nl = rest.indexOf('\n');
        while (nl >= 0) {
          const event = rest.slice(0, nl).trim();
          rest = rest.slice(nl + 1);
          nl = rest.indexOf('\n');
          if (!event.startsWith('data:')) continue;
          const data = event.slice(5).trim();
          if (data === '[DONE]') continue;
          const parsed = JSON.parse(data) as {
            choices?: Array<{ delta?: { content?: string } }>;
            error?: { message?: string };
          };
          if (parsed.error) {
            line({ error: parsed.error.message ?? t.stream_failed });
            continue;
          }
          const piece = parsed.choices?.[0]?.delta?.content ?? '';
          if (piece) {
            said += piece;
            const shown = restorer.push(piece);
            if (shown) line({ delta: shown });
          }
        }
      }
      const last = restorer.end();
      if (last) line({ delta: last });
      line({ done: true, model_said: said });
    } catch (err) {
      if (!abort.signal.aborted) line({ error: `${t.stream_failed}: ${(err as Error).message}` });
    }
    res.end();
  });
  return router;
}

import { PathTableProvider } from './path-table.js';

/** Ollama's native API (`/api/chat`, `/api/embed`); Responses requests are served through chat. */
export class OllamaProvider extends PathTableProvider {
  static readonly apiType = 'ollama' as const;
  readonly apiType = OllamaProvider.apiType;
  readonly family = 'ollama' as const;
  override readonly healthPath = '/api/tags';
  protected readonly paths = { chat: '/api/chat', responses: null, embeddings: '/api/embed' } as const;
}

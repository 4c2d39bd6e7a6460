/** The chat request the overhead benchmarks send: a system prompt and a short question (~250 bytes). */
export const CHAT_BODY = JSON.stringify({
  model: 'bench-model',
  messages: [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: 'What is the capital of Poland, and since when?' },
  ],
  temperature: 0.2,
  max_tokens: 64,
});

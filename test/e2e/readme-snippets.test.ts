import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { chatModel } from '../support/models.js';
import { useStack } from '../support/stack.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const stack = useStack();

/** The code block of the README that contains `marker`. */
function snippet(marker: string): string {
  const block = README.split('```').find((b, i) => i % 2 === 1 && b.includes(marker));
  if (!block) throw new Error(`no README code block contains ${marker}`);
  return block.replace(/^\w*\n/, '');
}

/** Runs README code as a module inside the package (so `llm-router/…` resolves as it does for a user). */
async function run(code: string): Promise<string> {
  const dir = mkdtempSync(join(ROOT, 'dist', 'readme-'));
  try {
    const file = join(dir, 'snippet.mjs');
    writeFileSync(file, code);
    const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: ROOT });
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pointedAtTheStack = (code: string) =>
  code.replaceAll('http://127.0.0.1:8080', stack.gateway.url).replaceAll("'llama3.2:3b'", `'${chatModel('vllm')}'`);

describe('the README', () => {
  it('its OpenAI snippet runs against the gateway', async () => {
    const out = await run(
      `${pointedAtTheStack(snippet("from 'openai'"))}\nconsole.log(reply.choices[0].message.content);`,
    );
    assert.ok(out.trim().length > 0);
  });

  it('its TypeScript client snippet imports what the package exports, and runs', async () => {
    const out = await run(
      `${pointedAtTheStack(snippet('LLMRouterClient'))}\nconsole.log(JSON.stringify(response), typeof ValidationError);`,
    );
    assert.match(out, /original.*translated/);
    assert.match(out, /function/);
  });
});

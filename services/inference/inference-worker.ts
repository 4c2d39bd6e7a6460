import { parentPort, workerData } from 'node:worker_threads';
import { env } from '@xenova/transformers';
import { LoadedModel } from './loaded-model.js';
import type { InferenceOutput, InferenceTask, WorkerReply, WorkerSetup } from './messages.js';

// Models come from local directories only: nothing is fetched from a hub, ever.
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = '';
env.useBrowserCache = false;

const setup = workerData as WorkerSetup;
const reply = (r: WorkerReply) => parentPort!.postMessage(r);

async function main(): Promise<void> {
  const models = new Map<string, LoadedModel>();
  try {
    for (const spec of setup.models) models.set(spec.key, await LoadedModel.load(spec, setup.batchSize));
  } catch (err) {
    return reply({ kind: 'failed', message: (err as Error).message });
  }
  parentPort!.on('message', async (task: InferenceTask) => {
    try {
      const model = models.get(task.key);
      if (!model) throw new Error(`no model "${task.key}" is loaded`);
      let output: InferenceOutput;
      if (model.spec.task === 'classify') output = await model.classify(task.texts);
      else if (model.spec.task === 'entities') output = await model.entities(task.texts);
      else output = await model.embed(task.texts);
      reply({ kind: 'done', id: task.id, output });
    } catch (err) {
      reply({ kind: 'error', id: task.id, message: (err as Error).message });
    }
  });
  reply({ kind: 'ready' });
}

void main();

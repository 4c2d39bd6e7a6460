import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ToolCallSequencer } from '../../../core/dialects/tool-call-sequencer.js';

const start = (index: number, id: string, name: string) => ({ index, id, function: { name, arguments: '' } });
const args = (index: number, text: string) => ({ index, function: { arguments: text } });

describe('ToolCallSequencer', () => {
  it('streams the first call, holds the ones interleaved with it, and gives them out whole on close', () => {
    const s = new ToolCallSequencer();
    const events = [
      ...s.push([start(0, 'a', 'f'), start(1, 'b', 'g')]),
      ...s.push([args(0, '{"x":'), args(1, '{"y":')]),
      ...s.push([args(0, '1}'), args(1, '2}')]),
      ...s.close(),
    ];
    assert.deepEqual(events, [
      { kind: 'start', index: 0, id: 'a', name: 'f' },
      { kind: 'arguments', index: 0, text: '{"x":' },
      { kind: 'arguments', index: 0, text: '1}' },
      { kind: 'stop', index: 0 },
      { kind: 'start', index: 1, id: 'b', name: 'g' },
      { kind: 'arguments', index: 1, text: '{"y":2}' },
      { kind: 'stop', index: 1 },
    ]);
    assert.equal(s.isOpen, false);
  });

  it('fails the stream rather than cut a closed call short', () => {
    const s = new ToolCallSequencer();
    s.push([start(0, 'a', 'f'), args(0, '{"x":')]);
    s.close();
    assert.throws(() => s.push([args(0, '1}')]), /more arguments after text followed it/);
  });
});

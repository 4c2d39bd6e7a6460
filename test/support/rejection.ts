import assert from 'node:assert/strict';

/** The error a call rejects with; fails the test if it resolves. */
export async function rejection(call: Promise<unknown> | (() => Promise<unknown>)): Promise<any> {
  try {
    await (typeof call === 'function' ? call() : call);
  } catch (err) {
    return err;
  }
  assert.fail('expected the call to fail');
}

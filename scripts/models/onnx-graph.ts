import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const T = onnx.TensorProto.DataType;
const INT = onnx.AttributeProto.AttributeType.INT;

export interface Node {
  op: string;
  inputs: string[];
  output: string;
  ints?: Record<string, number>;
}

/** A float matrix or vector, row-major. */
export interface Weight {
  name: string;
  dims: number[];
  values: ArrayLike<number>;
}

const floatTensor = (w: Weight) => ({
  name: w.name,
  dims: w.dims,
  dataType: T.FLOAT,
  rawData: new Uint8Array(Float32Array.from(w.values).buffer),
});
const axesTensor = (name: string, axis: number) => ({
  name,
  dims: [1],
  dataType: T.INT64,
  rawData: new Uint8Array(BigInt64Array.of(BigInt(axis)).buffer),
});
const valueInfo = (name: string, elemType: number, shape: Array<string | number>) => ({
  name,
  type: {
    tensorType: {
      elemType,
      shape: { dim: shape.map((s) => (typeof s === 'string' ? { dimParam: s } : { dimValue: s })) },
    },
  },
});

/**
 * An ONNX model (opset 13) that takes BERT's inputs, `input_ids` and `attention_mask` (int64, batch × sequence),
 * and gives one float output. Nodes may read the constants `AXIS_1` and `AXIS_2`: ReduceSum and Unsqueeze
 * take their axes as inputs from opset 13 on.
 */
export function encodeModel(
  nodes: Node[],
  weights: Weight[],
  output: { name: string; shape: Array<string | number> },
): Uint8Array {
  const graph = {
    name: 'llm-router-tiny',
    node: nodes.map((n) => ({
      opType: n.op,
      input: n.inputs,
      output: [n.output],
      attribute: Object.entries(n.ints ?? {}).map(([name, i]) => ({ name, type: INT, i })),
    })),
    initializer: [
      ...weights.map(floatTensor),
      ...[1, 2].filter((a) => nodes.some((n) => n.inputs.includes(`AXIS_${a}`))).map((a) => axesTensor(`AXIS_${a}`, a)),
    ],
    input: [
      valueInfo('input_ids', T.INT64, ['batch', 'sequence']),
      valueInfo('attention_mask', T.INT64, ['batch', 'sequence']),
    ],
    output: [valueInfo(output.name, T.FLOAT, output.shape)],
  };
  const model = {
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'llm-router scripts/models',
    graph,
  };
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

/** Embeddings of the real tokens, with padding zeroed: `emb` and `masked` (batch × sequence × width). */
export function maskedEmbeddings(table: string): Node[] {
  return [
    { op: 'Gather', inputs: [table, 'input_ids'], output: 'emb' },
    { op: 'Cast', inputs: ['attention_mask'], output: 'mask_f', ints: { to: T.FLOAT } },
    { op: 'Unsqueeze', inputs: ['mask_f', 'AXIS_2'], output: 'mask_3d' },
    { op: 'Mul', inputs: ['emb', 'mask_3d'], output: 'masked' },
  ];
}

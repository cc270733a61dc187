import type { QuantizedTable } from './emission-tables';
import { deserializeModel, loadModel, serializeModel } from './ner-model-file';
import { DOC_FEATURES, LOCAL_FEATURES } from './ner-features';
import { NUM_TAGS } from './ner-tags';
import { activeClusters } from './word-clusters';

const T = NUM_TAGS;

describe('model file', () => {
  const stage = (seed: number) => ({
    trans: Float32Array.from({ length: T * T }, (_, i) => ((i * seed) % 7) - 3),
    keys: Uint32Array.from([3, 17, 40, 1000, 4095 * T + 16]),
    values: Float32Array.from([0.5, -1.25, 2, -0.001, 7]),
  });
  const header = { hashBits: 12, tags: Array.from({ length: T }, (_, t) => String(t)), localFeatures: LOCAL_FEATURES, docFeatures: DOC_FEATURES, clusters: activeClusters().id };

  it('round-trips weights through int16 quantisation, and names the model by a hash of its weights', () => {
    const bytes = serializeModel(header, [stage(3), stage(5)]);
    const model = deserializeModel(bytes);
    expect(model.header.id).toMatch(/^[0-9a-f]{8}$/);
    const table = model.stage1.table as QuantizedTable;
    const weight = (key: number): number => (table.weights[key] ?? 0) * table.scale;
    // Scale: the largest weight over 32767; every weight within half a step of its value.
    expect(table.scale).toBeCloseTo(7 / 32767, 9);
    expect(Math.abs(weight(3) - 0.5)).toBeLessThanOrEqual(table.scale / 2);
    expect(Math.abs(weight(17) + 1.25)).toBeLessThanOrEqual(table.scale / 2);
    expect(weight(4095 * T + 16)).toBeCloseTo(7, 5);
    expect(weight(1000)).toBeCloseTo(-0.001, 3);
    expect(weight(4)).toBe(0);
    expect(Array.from(model.stage2.trans)).toEqual(Array.from(stage(5).trans));
    expect(serializeModel(header, [stage(3), stage(5)])).toEqual(bytes);
    expect(deserializeModel(serializeModel(header, [stage(3), stage(7)])).header.id).not.toBe(model.header.id);
  });

  it('rejects files that are not models, and models built for other features', () => {
    expect(() => deserializeModel(new TextEncoder().encode('not a model at all'))).toThrow(/not a wirestream NER model/);
    const other = serializeModel({ ...header, docFeatures: DOC_FEATURES + 1 }, [stage(3), stage(5)]);
    expect(() => deserializeModel(other)).toThrow(/retrain/);
    const otherClusters = serializeModel({ ...header, clusters: 'none' }, [stage(3), stage(5)]);
    expect(() => deserializeModel(otherClusters)).toThrow(/word clusters none, not the ones in use.*retrain/);
  });

  it('loads the committed model: hashed features, two stages, trained on CoNLL-2003 train and testa, with the committed clusters', () => {
    const model = loadModel();
    expect(model.header.format).toBe(1);
    expect(model.header.tags).toHaveLength(T);
    expect(model.header.training?.['data']).toBe('eng.train+eng.testa');
    expect(model.header.clusters).toBe(activeClusters().id);
    expect(activeClusters().size).toBeGreaterThan(10000);
    expect((model.stage1.table as QuantizedTable).weights.length).toBe(2 ** model.header.hashBits * T);
  });
});

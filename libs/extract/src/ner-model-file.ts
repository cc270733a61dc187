/**
 * Reading a model file; by default the committed one (`libs/extract/model/ner-model.bin`, next to
 * `src/` and `dist/` alike), written by `npm run train:ner`.
 */

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { deserializeModel, type NerModel } from './ner-model';

export const DEFAULT_MODEL_PATH = path.resolve(__dirname, '..', 'model', 'ner-model.bin');

export function loadModel(file: string = DEFAULT_MODEL_PATH): NerModel {
  const bytes = readFileSync(file);
  return deserializeModel(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

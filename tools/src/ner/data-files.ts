import * as path from 'node:path';
import { REPO_ROOT, SHARED_DIR } from '@wirestream/harness';

// Where the NER tools find CoNLL-2003 (read from ../shared, never copied) and write the model.

export const CONLL_DIR = path.join(SHARED_DIR, 'data', 'conll2003');
export const TRAIN_FILE = path.join(CONLL_DIR, 'eng.train');
export const DEV_FILE = path.join(CONLL_DIR, 'eng.testa');
export const MODEL_FILE = path.join(REPO_ROOT, 'libs', 'extract', 'model', 'ner-model.bin');

import { DEFAULT_MODEL_PATH } from '@wirestream/extract';
import * as path from 'node:path';

// Where the NER tools find CoNLL-2003 (read from ../shared, never copied) and write the model.

/** The repository root (this file sits in tools/ner-training/src, or tools/ner-training/dist once built). */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SHARED_DIR = process.env.WIRESTREAM_SHARED_DIR ?? path.resolve(REPO_ROOT, '..', 'shared');

export const CONLL_DIR = path.join(SHARED_DIR, 'data', 'conll2003');
export const TRAIN_FILE = path.join(CONLL_DIR, 'eng.train');
export const DEV_FILE = path.join(CONLL_DIR, 'eng.testa');
/** The committed model libs/extract reads. */
export const MODEL_FILE = DEFAULT_MODEL_PATH;

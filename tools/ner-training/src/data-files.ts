import { DEFAULT_MODEL_PATH } from '@wirestream/extract';
import { SHARED_DIR } from '@wirestream/harness';
import * as path from 'node:path';

// Where the NER tools find CoNLL-2003 (read from ../shared, never copied) and write the model.


export const CONLL_DIR = path.join(SHARED_DIR, 'data', 'conll2003');
export const TRAIN_FILE = path.join(CONLL_DIR, 'eng.train');
export const DEV_FILE = path.join(CONLL_DIR, 'eng.testa');
/** The committed model libs/extract reads. */
export const MODEL_FILE = DEFAULT_MODEL_PATH;

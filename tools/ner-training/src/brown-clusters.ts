/**
 * Brown clustering (Brown et al. 1992) with the windowed algorithm of Liang (2005): words are
 * taken in order of frequency; the `clusters` most frequent start as singleton clusters, and each
 * further word enters as a new cluster, after which the pair of clusters whose merge loses the
 * least average mutual information between adjacent clusters is merged. When every word is in,
 * the remaining clusters are merged down to one, and the path of a word's cluster in that merge
 * tree (0 = left, 1 = right) is the word's bit string: prefixes of it are coarser clusters, and the
 * words of one cluster share it.
 *
 * Each step costs O(C²) for C clusters: merge losses L(i, j) are kept for every pair and
 * updated in O(1) per pair after a merge (only terms involving the merged clusters change),
 * and pair counts are dense C × C arrays. Marginals are unigram counts, as in Liang's
 * implementation. Deterministic: ties go to the lower slot pair.
 */

export interface BrownOptions {
  /** Size of the active window (the cluster budget); default 256. */
  readonly clusters?: number;
  /** Words seen fewer times are left out; default 3. */
  readonly minCount?: number;
  readonly log?: (line: string) => void;
  /** Checks every kept merge loss against one computed from scratch (slow: for tests). */
  readonly verify?: boolean;
}

export interface BrownResult {
  /** Word → bit string (its path in the merge tree), in order of frequency. */
  readonly paths: Map<string, string>;
  readonly words: number;
  readonly tokens: number;
}

/** Clusters the words of `sentences` (each an array of tokens; bigrams never cross sentences). */
export function brownClusters(sentences: Iterable<readonly string[]>, options: BrownOptions = {}): BrownResult {
  const minCount = options.minCount ?? 3;
  const log = options.log ?? ((): void => undefined);
  // Vocabulary by frequency (ties by spelling, for determinism).
  const freq = new Map<string, number>();
  const corpus: string[][] = [];
  let tokens = 0;
  for (const s of sentences) {
    corpus.push([...s]);
    for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
    tokens += s.length;
  }
  const vocab = [...freq.entries()].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const V = vocab.length;
  const index = new Map<string, number>(vocab.map(([w], i) => [w, i]));
  const count = Float64Array.from(vocab, ([, c]) => c);
  // Word bigram counts as adjacency lists: right[w] = (neighbour, count) pairs, left likewise.
  const right: Map<number, number>[] = Array.from({ length: V }, () => new Map());
  const left: Map<number, number>[] = Array.from({ length: V }, () => new Map());
  for (const s of corpus) {
    for (let i = 0; i + 1 < s.length; i++) {
      const a = index.get(s[i] as string);
      const b = index.get(s[i + 1] as string);
      if (a === undefined || b === undefined) continue;
      right[a]!.set(b, (right[a]!.get(b) ?? 0) + 1);
      left[b]!.set(a, (left[b]!.get(a) ?? 0) + 1);
    }
  }
  corpus.length = 0;
  const C = Math.min(options.clusters ?? 256, V);
  log(`${tokens} tokens, ${V} words seen ≥ ${minCount} times, ${C} clusters`);

  const S = C + 1; // slots: C clusters plus the one being added
  const N = tokens;
  // q terms are kept × N (a common scale): q(a, b) = n(a,b) · log(n(a,b) · N / (n(a) · n(b))), with
  // logarithms of counts from a table (every count is a whole number up to N).
  const logT = new Float64Array(N + 1);
  for (let k = 1; k <= N; k++) logT[k] = Math.log(k);
  const logN = Math.log(N);
  /** q of a pair with `nab` bigrams, given log n(a) + log n(b) - log N. */
  const ql = (nab: number, lsum: number): number => (nab > 0 ? nab * ((logT[nab] as number) - lsum) : 0);

  const n2 = new Float64Array(S * S); // n2[a * S + b]: bigrams from cluster a to cluster b
  const nT = new Float64Array(S * S); // its transpose, nT[b * S + a], so that columns read as rows
  const n1 = new Float64Array(S); // unigram counts
  const ln1 = new Float64Array(S); // their logarithms, less log N
  const q = new Float64Array(S * S);
  const s = new Float64Array(S); // sum of q terms involving the slot
  const L = new Float64Array(S * S); // merge loss, for a < b
  const active = new Uint8Array(S);
  const slotWord: number[] = new Array<number>(S).fill(-1); // a slot's latest node id
  const clusterOf = new Int32Array(V).fill(-1); // word → slot
  const members: number[][] = Array.from({ length: S }, () => []);
  // Merge tree: node ids 0..V-1 are words; merges make V, V+1, ...
  const parent: number[] = [];
  const bit: number[] = [];
  let nextNode = V;

  const setQ = (a: number, b: number): void => {
    q[a * S + b] = ql(n2[a * S + b] as number, (ln1[a] as number) + (ln1[b] as number) + logN);
  };
  /** Loss of merging slots a and b, from scratch (O(C)). */
  const lossOf = (a: number, b: number): number => {
    const na = n1[a] as number;
    const nb = n1[b] as number;
    const lab = (logT[na + nb] as number) - logN;
    let after = 0;
    const ra = a * S;
    const rb = b * S;
    for (let x = 0; x < S; x++) {
      if (!active[x] || x === a || x === b) continue;
      const out = (n2[ra + x] as number) + (n2[rb + x] as number);
      const into = (nT[ra + x] as number) + (nT[rb + x] as number);
      if (out === 0 && into === 0) continue;
      const lsum = lab + (ln1[x] as number) + logN;
      after += ql(out, lsum) + ql(into, lsum);
    }
    const self = (n2[a * S + a] as number) + (n2[a * S + b] as number) + (n2[b * S + a] as number) + (n2[b * S + b] as number);
    after += ql(self, 2 * lab + logN);
    return (s[a] as number) + (s[b] as number) - (q[a * S + b] as number) - (q[b * S + a] as number) - after;
  };

  const addWord = (w: number, slot: number): void => {
    active[slot] = 1;
    clusterOf[w] = slot;
    members[slot] = [w];
    slotWord[slot] = w;
    n1[slot] = count[w] as number;
    ln1[slot] = (logT[count[w] as number] as number) - logN;
    for (let x = 0; x < S; x++) {
      n2[slot * S + x] = 0;
      n2[x * S + slot] = 0;
      nT[slot * S + x] = 0;
      nT[x * S + slot] = 0;
    }
    for (const [b, c] of right[w]!) {
      const cb = clusterOf[b] as number;
      if (cb >= 0) {
        n2[slot * S + cb] += c;
        nT[cb * S + slot] += c;
      }
    }
    for (const [a, c] of left[w]!) {
      const ca = clusterOf[a] as number;
      if (ca >= 0 && a !== w) {
        n2[ca * S + slot] += c;
        nT[slot * S + ca] += c;
      }
    }
    for (let x = 0; x < S; x++) {
      if (!active[x]) continue;
      setQ(slot, x);
      setQ(x, slot);
    }
    // Pairs already there: the new cluster adds terms to s(i), s(j) and to the merged pair's sum.
    // Only pairs with a member linked to the new word change (the others gain nothing).
    const lw = ln1[slot] as number;
    const rw = slot * S;
    const linked = new Uint8Array(S);
    for (let x = 0; x < S; x++) linked[x] = active[x] && x !== slot && ((n2[rw + x] as number) > 0 || (nT[rw + x] as number) > 0) ? 1 : 0;
    for (let i = 0; i < S; i++) {
      if (!active[i] || i === slot) continue;
      const addI = (q[i * S + slot] as number) + (q[rw + i] as number);
      const li = linked[i] as number;
      const toI = nT[rw + i] as number;
      const fromI = n2[rw + i] as number;
      const ni = n1[i] as number;
      for (let j = i + 1; j < S; j++) {
        if (!(li || linked[j])) continue;
        const addJ = (q[j * S + slot] as number) + (q[rw + j] as number);
        const lsum = (logT[ni + (n1[j] as number)] as number) + lw;
        const toW = toI + (nT[rw + j] as number);
        const fromW = fromI + (n2[rw + j] as number);
        L[i * S + j] += addI + addJ - ql(toW, lsum) - ql(fromW, lsum);
      }
      s[i] += addI;
    }
    let sw = 0;
    for (let x = 0; x < S; x++) if (active[x]) sw += (q[slot * S + x] as number) + (x === slot ? 0 : (q[x * S + slot] as number));
    s[slot] = sw;
    for (let x = 0; x < S; x++) {
      if (!active[x] || x === slot) continue;
      const a = Math.min(x, slot);
      const b = Math.max(x, slot);
      L[a * S + b] = lossOf(a, b);
    }
  };

  /** Merges slot b into slot a (a < b). */
  const merge = (a: number, b: number): void => {
    const na = n1[a] as number;
    const nb = n1[b] as number;
    const nc = na + nb;
    const la = ln1[a] as number;
    const lb = ln1[b] as number;
    const lc = (logT[nc] as number) - logN;
    // Updates of other pairs' losses, from the counts before the merge.
    const ds = new Float64Array(S);
    const ra = a * S;
    const rb = b * S;
    // Links of each cluster with a and b (rows of n2 and of its transpose).
    const toA = nT.slice(ra, ra + S);
    const toB = nT.slice(rb, rb + S);
    const fromA = n2.slice(ra, ra + S);
    const fromB = n2.slice(rb, rb + S);
    const linked = new Uint8Array(S);
    for (let i = 0; i < S; i++) {
      if (!active[i] || i === a || i === b) continue;
      if ((toA[i] as number) + (toB[i] as number) + (fromA[i] as number) + (fromB[i] as number) === 0) continue;
      linked[i] = 1;
      const lsum = (ln1[i] as number) + lc + logN;
      const qic = ql((toA[i] as number) + (toB[i] as number), lsum);
      const qci = ql((fromA[i] as number) + (fromB[i] as number), lsum);
      ds[i] = qic + qci - (q[i * S + a] as number) - (q[ra + i] as number) - (q[i * S + b] as number) - (q[rb + i] as number);
    }
    // A pair neither of whose clusters is linked to a or b keeps its loss.
    for (let i = 0; i < S; i++) {
      if (!active[i] || i === a || i === b) continue;
      const ni = n1[i] as number;
      const li = linked[i] as number;
      const dsi = ds[i] as number;
      const tAi = toA[i] as number;
      const tBi = toB[i] as number;
      const fAi = fromA[i] as number;
      const fBi = fromB[i] as number;
      for (let j = i + 1; j < S; j++) {
        if (!(li || linked[j]) || !active[j] || j === a || j === b) continue;
        const lij = (logT[ni + (n1[j] as number)] as number) - logN;
        const tA = tAi + (toA[j] as number);
        const tB = tBi + (toB[j] as number);
        const fA = fAi + (fromA[j] as number);
        const fB = fBi + (fromB[j] as number);
        const oldT = ql(tA, lij + la + logN) + ql(fA, lij + la + logN) + ql(tB, lij + lb + logN) + ql(fB, lij + lb + logN);
        const newT = ql(tA + tB, lij + lc + logN) + ql(fA + fB, lij + lc + logN);
        L[i * S + j] += dsi + (ds[j] as number) - (newT - oldT);
      }
      s[i] += dsi;
    }
    // Fold b's counts into a.
    const self = (n2[a * S + a] as number) + (n2[a * S + b] as number) + (n2[b * S + a] as number) + (n2[b * S + b] as number);
    for (let x = 0; x < S; x++) {
      if (!active[x] || x === a || x === b) continue;
      const out = (fromA[x] as number) + (fromB[x] as number);
      const into = (toA[x] as number) + (toB[x] as number);
      n2[ra + x] = out;
      nT[x * S + a] = out;
      n2[x * S + a] = into;
      nT[ra + x] = into;
    }
    n2[ra + a] = self;
    nT[ra + a] = self;
    n1[a] = nc;
    ln1[a] = lc;
    active[b] = 0;
    for (let x = 0; x < S; x++) {
      n2[rb + x] = 0;
      n2[x * S + b] = 0;
      nT[rb + x] = 0;
      nT[x * S + b] = 0;
    }
    for (const w of members[b]!) clusterOf[w] = a;
    members[a]!.push(...members[b]!);
    members[b] = [];
    // Tree: a new node over the two.
    const node = nextNode++;
    parent[slotWord[a] as number] = node;
    bit[slotWord[a] as number] = 0;
    parent[slotWord[b] as number] = node;
    bit[slotWord[b] as number] = 1;
    slotWord[a] = node;
    slotWord[b] = -1;
    let sa = 0;
    for (let x = 0; x < S; x++) {
      if (!active[x]) continue;
      setQ(a, x);
      if (x !== a) setQ(x, a);
      sa += (q[a * S + x] as number) + (x === a ? 0 : (q[x * S + a] as number));
    }
    s[a] = sa;
    for (let x = 0; x < S; x++) {
      if (!active[x] || x === a) continue;
      const lo = Math.min(x, a);
      const hi = Math.max(x, a);
      L[lo * S + hi] = lossOf(lo, hi);
    }
  };

  const verifyLosses = (): void => {
    for (let i = 0; i < S; i++) {
      for (let j = i + 1; j < S; j++) {
        if (!active[i] || !active[j]) continue;
        const fresh = lossOf(i, j);
        if (Math.abs(fresh - (L[i * S + j] as number)) > 1e-9 * Math.max(1, Math.abs(fresh))) throw new Error(`merge loss of ${i},${j} is ${L[i * S + j]}, from scratch ${fresh}`);
      }
    }
  };

  const bestPair = (): [number, number] => {
    if (options.verify) verifyLosses();
    let best = Infinity;
    let ba = -1;
    let bb = -1;
    for (let i = 0; i < S; i++) {
      if (!active[i]) continue;
      for (let j = i + 1; j < S; j++) {
        if (!active[j]) continue;
        const l = L[i * S + j] as number;
        if (l < best) {
          best = l;
          ba = i;
          bb = j;
        }
      }
    }
    return [ba, bb];
  };

  const freeSlot = (): number => {
    for (let x = 0; x < S; x++) if (!active[x]) return x;
    throw new Error('no free slot');
  };

  const started = Date.now();
  for (let w = 0; w < V; w++) {
    addWord(w, freeSlot());
    if (w >= C) {
      const [a, b] = bestPair();
      merge(a, b);
    }
    if ((w + 1) % 2000 === 0) log(`  ${w + 1}/${V} words, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  // The C clusters are the leaves of the hierarchy (how words joined a cluster inside the window
  // is not part of it, as in Liang's output): merge them down to one tree.
  const leafOf = new Int32Array(V);
  for (let x = 0; x < S; x++) {
    if (!active[x]) continue;
    const leaf = nextNode++;
    slotWord[x] = leaf;
    for (const w of members[x]!) leafOf[w] = leaf;
  }
  for (let left = C - 1; left > 0; left--) {
    const [a, b] = bestPair();
    merge(a, b);
  }
  // Bit strings: the path from the root to each word's cluster.
  const paths = new Map<string, string>();
  for (let w = 0; w < V; w++) {
    const bits: number[] = [];
    for (let node = leafOf[w] as number; parent[node] !== undefined; node = parent[node] as number) bits.push(bit[node] as number);
    paths.set(vocab[w]![0], bits.reverse().join('') || '0');
  }
  return { paths, words: V, tokens };
}

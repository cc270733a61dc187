import { heapUsedMb, residentMb, summarizeMemory } from './memory-sampler';

describe('residentMb', () => {
  it('reads VmRSS in kB as MB', () => {
    const status = 'Name:\tnode\nVmPeak:\t 900000 kB\nVmRSS:\t  153600 kB\nThreads:\t11\n';
    expect(residentMb(42, () => status)).toBe(150);
  });

  it('is null for a process that is gone or a status without VmRSS', () => {
    expect(residentMb(42, () => { throw new Error('ENOENT'); })).toBeNull();
    expect(residentMb(42, () => 'Name:\tzombie\n')).toBeNull();
  });
});

describe('heapUsedMb', () => {
  it("reads prom-client's heap-used gauge", () => {
    expect(heapUsedMb('# TYPE nodejs_heap_size_used_bytes gauge\nnodejs_heap_size_used_bytes 52428800\nnodejs_heap_size_total_bytes 90000000\n')).toBe(50);
    expect(heapUsedMb('process_cpu_seconds_total 3\n')).toBeNull();
  });
});

describe('summarizeMemory', () => {
  it('takes the median RSS after the first third, the peak of all, and the smallest steady heap', () => {
    const samples = [300, 100, 110, 120, 130, 500].map((rss, index) => ({ rss, heap: [10, 20, 40, 30, 35, 45][index] }));
    expect(summarizeMemory([{ service: 'extractor', samples }])).toEqual({ extractor: { rssMb: 120, rssPeakMb: 500, heapAfterGcMb: 30 } });
  });

  it('reports the largest instance of a service', () => {
    const small = [{ rss: 80, heap: 20 }];
    const large = [{ rss: 95, heap: 25 }];
    expect(summarizeMemory([{ service: 'storage', samples: small }, { service: 'storage', samples: large }]).storage.rssMb).toBe(95);
  });
});

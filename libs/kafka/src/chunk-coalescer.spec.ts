import { ChunkCoalescer } from './chunk-coalescer';

function recorder(options = { maxItems: 10, lingerMs: 5 }) {
  const units: number[][] = [];
  let failWith: Error | null = null;
  const coalescer = new ChunkCoalescer<number>(async (items) => {
    units.push(items);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (failWith) throw failWith;
  }, options);
  return { coalescer, units, failNextWith: (error: Error) => (failWith = error) };
}

describe('ChunkCoalescer', () => {
  it('runs a lone handler\'s chunk at once', async () => {
    const { coalescer, units } = recorder({ maxItems: 10, lingerMs: 60_000 });
    coalescer.enter();
    await coalescer.submit([1, 2]);
    expect(units).toEqual([[1, 2]]);
  });

  it('merges the chunks of handlers that submit together into one unit', async () => {
    const { coalescer, units } = recorder({ maxItems: 10, lingerMs: 60_000 });
    coalescer.enter();
    coalescer.enter();
    coalescer.enter();
    await Promise.all([coalescer.submit([1]), coalescer.submit([2, 3]), coalescer.submit([4])]);
    expect(units).toEqual([[1, 2, 3, 4]]);
  });

  it('does not wait longer than the linger for a handler that is still busy', async () => {
    const { coalescer, units } = recorder({ maxItems: 10, lingerMs: 5 });
    coalescer.enter();
    coalescer.enter();
    await coalescer.submit([1]);
    expect(units).toEqual([[1]]);
  });

  it('stops waiting for a handler once it leaves', async () => {
    const { coalescer, units } = recorder({ maxItems: 10, lingerMs: 60_000 });
    coalescer.enter();
    coalescer.enter();
    const submitted = coalescer.submit([1]);
    coalescer.leave();
    await submitted;
    expect(units).toEqual([[1]]);
  });

  it('gathers chunks submitted while a unit runs into the next one, within maxItems', async () => {
    const { coalescer, units } = recorder({ maxItems: 3, lingerMs: 60_000 });
    [1, 2, 3, 4].forEach(() => coalescer.enter());
    // Each handler leaves once its chunk is done, as consumeBatch does.
    await Promise.all([[1, 2], [3, 4], [5], [6, 7]].map((chunk) => coalescer.submit(chunk).finally(() => coalescer.leave())));
    expect(units).toEqual([[1, 2], [3, 4, 5], [6, 7]]);
  });

  it('rejects every chunk of a failed unit with its error, and goes on with the next', async () => {
    const { coalescer, units, failNextWith } = recorder({ maxItems: 10, lingerMs: 60_000 });
    coalescer.enter();
    coalescer.enter();
    failNextWith(new Error('database away'));
    const outcomes = await Promise.allSettled([coalescer.submit([1]), coalescer.submit([2])]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason.message).toBe('database away');
    failNextWith(null as never);
    coalescer.leave();
    await coalescer.submit([3]);
    expect(units).toEqual([[1, 2], [3]]);
  });
});

import { commandLine } from './command-line';

describe('commandLine', () => {
  const options = { stories: { type: 'string' }, json: { type: 'boolean' }, scale: { type: 'string', multiple: true } } as const;
  let exit: jest.SpyInstance;
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    // process.exit must not return: throwing stands in for it, as the real one ends the process.
    exit = jest.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => {
      throw new Error(`exit ${code}`);
    });
    stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('reads valued, boolean and repeated options', () => {
    const args = commandLine({ args: ['--stories', '300', '--json', '--scale', 'extractor=2', '--scale=storage=3'], options }, 'usage: x');
    expect(args.values).toEqual({ stories: '300', json: true, scale: ['extractor=2', 'storage=3'] });
    expect(args.integer('stories', 20_000)).toBe(300);
    expect(args.integer('missing', 7)).toBe(7);
  });

  it.each([
    [['--nope'], /Unknown option '--nope'/],
    [['--stories'], /argument missing/],
    [['stray'], /Unexpected argument 'stray'/],
  ])('refuses %j with the usage line and exit status 2', (argv, message) => {
    expect(() => commandLine({ args: argv, options }, 'usage: x')).toThrow('exit 2');
    expect(exit).toHaveBeenCalledWith(2);
    expect(stderr.mock.calls[0][0]).toMatch(message);
    expect(stderr.mock.calls[0][0]).toMatch(/\nusage: x$/);
  });

  it.each([['0'], ['1.5'], ['ten'], ['']])('refuses --stories %j where a whole number of at least 1 is asked', (value) => {
    const args = commandLine({ args: ['--stories', value], options }, 'usage: x');
    expect(() => args.integer('stories', 20_000)).toThrow('exit 2');
    expect(stderr.mock.calls[0][0]).toMatch(/--stories must be a whole number of at least 1/);
  });

  it('takes numbers with a fraction where asked for a number, and a lower bound of 0 for integers', () => {
    expect(commandLine({ args: ['--stories', '0.05'], options }, 'usage: x').number('stories', 1)).toBe(0.05);
    expect(commandLine({ args: ['--stories', '0'], options }, 'usage: x').integer('stories', 1, 0)).toBe(0);
    expect(() => commandLine({ args: ['--stories', 'x'], options }, 'usage: x').number('stories', 1)).toThrow('exit 2');
  });
});

import { z } from 'zod';
import { parseConfig } from './parse-config';

describe('parseConfig', () => {
  const schema = z.object({
    PORT: z.coerce.number().int().min(1).default(3000).describe('Port to listen on.'),
    MODE: z.enum(['a', 'b']).describe('Which mode.'),
  });

  it('returns typed settings with defaults applied', () => {
    expect(parseConfig(schema, { MODE: 'a' })).toEqual({ PORT: 3000, MODE: 'a' });
  });

  it('reports every invalid variable with its description', () => {
    expect(() => parseConfig(schema, { PORT: '-1' })).toThrow(/PORT: .*Port to listen on\.[\s\S]*MODE: .*Which mode\./);
  });
});

import { z } from 'zod';
import { configVariables } from './config-variables';

describe('configVariables', () => {
  it('lists each variable with its default as written in the environment, its description and whether it is required', () => {
    const schema = z.object({
      POLL_MS: z.coerce.number().int().default(1000).describe('How often to poll, in ms.'),
      ON: z.enum(['true', 'false']).default('false').transform((value) => value === 'true').describe('Switch.'),
      DIR: z.string().default('').describe('Empty: off.'),
      PORT: z.coerce.number().optional().describe('A port.'),
      TOKEN: z.string().min(8).describe('A secret.'),
    });
    expect(configVariables(schema)).toEqual([
      { name: 'POLL_MS', defaultValue: '1000', description: 'How often to poll, in ms.', required: false },
      { name: 'ON', defaultValue: 'false', description: 'Switch.', required: false },
      { name: 'DIR', defaultValue: '', description: 'Empty: off.', required: false },
      { name: 'PORT', defaultValue: undefined, description: 'A port.', required: false },
      { name: 'TOKEN', defaultValue: undefined, description: 'A secret.', required: true },
    ]);
  });
});

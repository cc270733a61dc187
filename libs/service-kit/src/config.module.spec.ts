import { Inject, Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { z } from 'zod';
import { ConfigModule, configProvider } from './config.module';

const FIRST = Symbol('FIRST');
const SECOND = Symbol('SECOND');
const FirstSchema = z.object({ CONFIG_MODULE_SPEC_PORT: z.coerce.number().int().default(3000).describe('A port.') });
const SecondSchema = z.object({ CONFIG_MODULE_SPEC_MODE: z.enum(['a', 'b']).default('a').describe('A mode.') });

@Injectable()
class NeedsSettings {
  constructor(@Inject(FIRST) readonly first: z.infer<typeof FirstSchema>, @Inject(SECOND) readonly second: z.infer<typeof SecondSchema>) {}
}

const compile = () =>
  Test.createTestingModule({ imports: [ConfigModule.forRoot([configProvider(FIRST, FirstSchema), configProvider(SECOND, SecondSchema)])], providers: [NeedsSettings] }).compile();

describe('ConfigModule', () => {
  afterEach(() => {
    delete process.env.CONFIG_MODULE_SPEC_PORT;
    delete process.env.CONFIG_MODULE_SPEC_MODE;
  });

  it('provides each group of settings under its token, parsed from the environment', async () => {
    process.env.CONFIG_MODULE_SPEC_MODE = 'b';
    const needs = (await compile()).get(NeedsSettings);
    expect([needs.first, needs.second]).toEqual([{ CONFIG_MODULE_SPEC_PORT: 3000 }, { CONFIG_MODULE_SPEC_MODE: 'b' }]);
  });

  it('refuses to start naming every wrong variable of every group at once', async () => {
    Object.assign(process.env, { CONFIG_MODULE_SPEC_PORT: 'soon', CONFIG_MODULE_SPEC_MODE: 'c' });
    await expect(compile()).rejects.toThrow(/^Invalid configuration:\n {2}CONFIG_MODULE_SPEC_PORT: .*\n {2}CONFIG_MODULE_SPEC_MODE: /);
  });
});

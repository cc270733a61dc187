import * as incubating from '@opentelemetry/semantic-conventions/incubating';
import { ATTR_MESSAGING_DESTINATION_NAME, ATTR_MESSAGING_SYSTEM, MESSAGING_SYSTEM_VALUE_KAFKA } from './attributes';

describe('span attribute names', () => {
  it('spells the copied incubating messaging conventions as the installed package does', () => {
    expect(ATTR_MESSAGING_SYSTEM).toBe(incubating.ATTR_MESSAGING_SYSTEM);
    expect(ATTR_MESSAGING_DESTINATION_NAME).toBe(incubating.ATTR_MESSAGING_DESTINATION_NAME);
    expect(MESSAGING_SYSTEM_VALUE_KAFKA).toBe(incubating.MESSAGING_SYSTEM_VALUE_KAFKA);
  });
});

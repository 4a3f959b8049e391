import { readOwnDepartment } from '../../src/data/officialProfile';
import { ANNA, BRAM, startHarness, type Harness } from './graphHarness';

describe('readOwnDepartment against the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provision: false });
  });
  afterAll(() => h.close());

  it('reads the signed-in official’s department from /me with $select, in one request', async () => {
    h.emulator.setUserProfile(ANNA.email, { department: ' Wonen ' });
    h.emulator.clearLog();
    expect(await readOwnDepartment(h.transport(ANNA))).toBe('Wonen');
    expect(h.emulator.requestLog.map((r) => r.url)).toEqual(['/v1.0/me?$select=department']);
  });

  it('is undefined when the directory holds none, or when Graph cannot answer', async () => {
    expect(await readOwnDepartment(h.transport(BRAM))).toBeUndefined();
    h.emulator.setFaults({ rate: 1, kinds: ['503'], retryAfterSeconds: 0 });
    try {
      expect(await readOwnDepartment(h.transport(ANNA))).toBeUndefined();
    } finally {
      h.emulator.setFaults(undefined);
    }
  });
});

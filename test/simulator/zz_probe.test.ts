import { startSimulator } from '../../src/simulator';
it('probe', async () => {
  const sim = await startSimulator({ imageCount: 50_000 });
  const ds = sim.control.dataset as any;
  let t = Date.now(); ds.totalSoftwareRecords(); console.log('prefix', Date.now() - t);
  t = Date.now(); ds.software.page({ appName: 'log4j', offset: 1000, limit: 200 }); console.log('log4j', Date.now() - t);
  t = Date.now(); ds.software.page({ appName: 'openssl', offset: 1000, limit: 200 }); console.log('openssl', Date.now() - t);
  await sim.stop();
});

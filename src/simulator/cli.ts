/**
 * Standalone simulator: `npm run simulator -- --port 4010 --seed 7 --images 5000 --rate-limits`.
 * Flags win over env (SIMULATOR_PORT, SIMULATOR_HOST, SIMULATOR_SEED, SIMULATOR_IMAGES,
 * SIMULATOR_RATE_LIMITS=true|false|<perMinute>, SIMULATOR_REGION, SIMULATOR_SCAN_DURATION_MS).
 */
import { startSimulator, type RateLimitSetting, type SimulatorOptions } from './index';

const USAGE = `usage: npm run simulator -- [--port N] [--host H] [--seed N] [--images N] [--region R]
                             [--rate-limits [true|false|perMinute]] [--scan-duration-ms N]`;

function fail(message: string): never {
  console.error(`simulator: ${message}\n${USAGE}`);
  process.exit(2);
}

function integer(name: string, value: string): number {
  if (!/^\d+$/.test(value)) fail(`${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

function rateLimits(value: string): RateLimitSetting {
  if (value === 'true' || value === '') return true;
  if (value === 'false') return false;
  // "5" (per documented minute) or "5/2000" (5 calls per 2000 ms window).
  const [calls = '', windowMs] = value.split('/', 2);
  const perMinute = integer('--rate-limits', calls);
  return windowMs === undefined ? { perMinute } : { perMinute, windowMs: integer('--rate-limits', windowMs) };
}

function parse(argv: string[], env: NodeJS.ProcessEnv): SimulatorOptions {
  const options: SimulatorOptions = {};
  if (env.SIMULATOR_PORT) options.port = integer('SIMULATOR_PORT', env.SIMULATOR_PORT);
  if (env.SIMULATOR_HOST) options.host = env.SIMULATOR_HOST;
  if (env.SIMULATOR_SEED) options.seed = integer('SIMULATOR_SEED', env.SIMULATOR_SEED);
  if (env.SIMULATOR_IMAGES) options.imageCount = integer('SIMULATOR_IMAGES', env.SIMULATOR_IMAGES);
  if (env.SIMULATOR_REGION) options.region = env.SIMULATOR_REGION;
  if (env.SIMULATOR_RATE_LIMITS) options.rateLimits = rateLimits(env.SIMULATOR_RATE_LIMITS);
  if (env.SIMULATOR_SCAN_DURATION_MS) {
    options.scanDurationMs = integer('SIMULATOR_SCAN_DURATION_MS', env.SIMULATOR_SCAN_DURATION_MS);
  }
  for (let k = 0; k < argv.length; k++) {
    const [flag, inline] = (argv[k] as string).split('=', 2) as [string, string | undefined];
    const next = (): string => {
      if (inline !== undefined) return inline;
      const value = argv[++k];
      if (value === undefined) fail(`${flag} needs a value`);
      return value;
    };
    switch (flag) {
      case '--port':
        options.port = integer(flag, next());
        break;
      case '--host':
        options.host = next();
        break;
      case '--seed':
        options.seed = integer(flag, next());
        break;
      case '--images':
        options.imageCount = integer(flag, next());
        break;
      case '--region':
        options.region = next();
        break;
      case '--scan-duration-ms':
        options.scanDurationMs = integer(flag, next());
        break;
      case '--rate-limits': {
        const value = inline ?? (argv[k + 1] && !argv[k + 1]?.startsWith('--') ? argv[++k] : 'true');
        options.rateLimits = rateLimits(value ?? 'true');
        break;
      }
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        fail(`unknown argument ${flag}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const started = Date.now();
  const simulator = await startSimulator(parse(process.argv.slice(2), process.env));
  const { credentials } = simulator;
  const summary = simulator.control.dataset;
  console.log(`Huawei Cloud simulator listening on ${simulator.url} (ready in ${Date.now() - started} ms)`);
  console.log(`  region:      ${simulator.region}`);
  console.log(`  project id:  ${simulator.projectId}`);
  console.log(
    `  credentials: domain=${credentials.domain} user=${credentials.user} password=${credentials.password}`,
  );
  console.log(
    `  images:      ${summary.imageCount} in ${summary.repositoryCount} repositories (seed ${summary.seed})`,
  );
  console.log(`  rate limits: ${simulator.control.rateLimitsEnabled() ? 'on' : 'off'}`);
  console.log(`  control API: ${simulator.url}/__simulator/info`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`simulator: ${signal}, stopping`);
    void simulator.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('simulator: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

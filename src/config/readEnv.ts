import { ConfigError } from './configError';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Typed readers for environment variables, one precise message per rule (undici-style eager
 * validation). An empty string counts as unset, since shells and compose files produce them.
 */
export class EnvReader {
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, options: { pattern?: RegExp; describe?: string } = {}): string | undefined {
    const value = this.raw(name);
    if (value !== undefined && options.pattern && !options.pattern.test(value)) {
      throw new ConfigError(name, `must be ${options.describe ?? `a value matching ${options.pattern}`}`);
    }
    return value;
  }

  /** A secret: returned as is, and never echoed into an error message. */
  secret(name: string): string | undefined {
    return this.env[name] === '' ? undefined : this.env[name];
  }

  integer(name: string, fallback: number, range: { min: number; max: number }): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `must be an integer, got "${value}"`);
    const parsed = Number(value);
    if (parsed < range.min || parsed > range.max) {
      throw new ConfigError(name, `must be between ${range.min} and ${range.max}, got ${parsed}`);
    }
    return parsed;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    throw new ConfigError(name, `must be true or false (or on/off, 1/0), got "${value}"`);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
    }
    return value as T;
  }

  url(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new ConfigError(name, `must be an absolute http(s) URL, got "${value}"`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new ConfigError(name, `must use http or https, got "${parsed.protocol}"`);
    }
    if (parsed.username || parsed.password) throw new ConfigError(name, 'must not carry credentials');
    if (parsed.search || parsed.hash) throw new ConfigError(name, 'must not have a query or fragment');
    return parsed.origin + parsed.pathname.replace(/\/+$/, '');
  }

  list(name: string): string[] | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
}

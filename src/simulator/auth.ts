/**
 * IAM tokens: opaque random strings (as long as real PKI tokens are, roughly) mapped to their
 * scope and expiry. Every service call is checked the way the API gateway does: missing or unknown
 * → 401 APIGW.0301; expired, revoked or used for another project → 401 APIGW.0307.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { GATEWAY_MESSAGES, gatewayError } from './errors';

export interface TokenRecord {
  userId: string;
  userName: string;
  domainId: string;
  domainName: string;
  projectId: string;
  projectName: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(
    private ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(scope: Omit<TokenRecord, 'issuedAt' | 'expiresAt' | 'revoked'>): {
    token: string;
    record: TokenRecord;
  } {
    const issuedAt = this.now();
    // "MII…" like real tokens; ~1.6 KB keeps headers realistic without bloating every request.
    const token = `MIIEsim${randomBytes(1200).toString('base64url')}`;
    const record: TokenRecord = { ...scope, issuedAt, expiresAt: issuedAt + this.ttlMs, revoked: false };
    this.tokens.set(token, record);
    return { token, record };
  }

  setTtlMs(ms: number): void {
    this.ttlMs = ms;
  }

  revokeAll(): void {
    for (const record of this.tokens.values()) record.revoked = true;
  }

  /** The caller's token record; throws the gateway's 401 otherwise. */
  authenticate(headers: IncomingHttpHeaders, pathProjectId?: string): TokenRecord {
    const header = headers['x-auth-token'];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) throw gatewayError(401, 'APIGW.0301', GATEWAY_MESSAGES['APIGW.0301']);
    const record = this.tokens.get(token);
    if (!record)
      throw gatewayError(401, 'APIGW.0301', 'Incorrect IAM authentication information: decrypt token fail');
    if (record.revoked)
      throw gatewayError(401, 'APIGW.0307', `${GATEWAY_MESSAGES['APIGW.0307']}: token revoked`);
    if (this.now() >= record.expiresAt) {
      throw gatewayError(
        401,
        'APIGW.0307',
        `${GATEWAY_MESSAGES['APIGW.0307']}: token expires, expires_at: ${new Date(record.expiresAt).toISOString()}`,
      );
    }
    // A token is bound to its project: the doc says another region/project gives 0307.
    if (pathProjectId !== undefined && pathProjectId !== record.projectId) {
      throw gatewayError(
        401,
        'APIGW.0307',
        `${GATEWAY_MESSAGES['APIGW.0307']}: the token is not valid for this project`,
      );
    }
    return record;
  }
}

/**
 * How an upstream request proves who the gateway is. The HTTP core only calls `authenticate(request)` and
 * adds the headers it gets; whether they hold an IAM token or an AK/SK signature is decided once, at start.
 */
import type { UpstreamService } from '../errors/codes';

/** A request about to be sent, as it will go on the wire (what a signature covers). */
export interface OutgoingRequest {
  service: UpstreamService;
  method: 'GET' | 'POST';
  /** `host[:port]` of the origin, as the Host header will carry it. */
  host: string;
  /** The full path as sent (any endpoint prefix included), without the query. */
  path: string;
  /** Decoded query parameters, sent RFC 3986-encoded. */
  query: Readonly<Record<string, string>>;
  /** Headers that will be sent, lower-case names. */
  headers: Readonly<Record<string, string>>;
  /** Exactly the bytes sent; '' for none. */
  body: string;
}

export interface Authentication {
  /** Headers to add to this one attempt. */
  headers: Record<string, string>;
  /** Values of this attempt that must never be shown (the token it used). */
  secrets: readonly string[];
  /**
   * The upstream refused these credentials as stale (APIGW.0301/0307): drop them. Returns true when one
   * more attempt with fresh credentials may succeed (a renewed token), false when it cannot (a signature).
   */
  renew(): boolean;
}

export interface RequestAuthenticator {
  /** Called for every attempt, so a retry carries a fresh token check or a fresh `X-Sdk-Date`. */
  authenticate(request: OutgoingRequest, signal?: AbortSignal): Promise<Authentication>;
  /**
   * The same, synchronously, when the credential is at hand (a held token that needs no refresh; access
   * keys and, for a project-scoped service, a known project id); undefined when `authenticate` must wait.
   */
  authenticateNow?(request: OutgoingRequest): Authentication | undefined;
  /** Long-lived secrets (password, secret key, security token): redacted from every error and log text. */
  secrets(): readonly string[];
  /** Readies what the first request needs (the IAM token, the project id) ahead of it. */
  warmUp(): Promise<void>;
}

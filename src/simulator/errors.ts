/**
 * Error answers in each service's documented body shape. Handlers throw `SimulatorHttpError`; the
 * server turns it into a response. Gateway (APIGW) bodies carry `request_id`, service bodies do not.
 */
import type { SwrErrorBody } from '../upstream/swr/types';

export class SimulatorHttpError extends Error {
  constructor(
    readonly status: number,
    /** A body builder: the request id is only known when the response is written. */
    readonly body: (requestId: string) => unknown,
  ) {
    super(`simulated HTTP ${status}`);
  }
}

export type Service = 'iam' | 'hss' | 'swr' | 'workspace';

export const GATEWAY_MESSAGES = {
  'APIGW.0101': 'The API does not exist or has not been published in the environment',
  'APIGW.0301': 'Incorrect IAM authentication information: x-auth-token not found',
  'APIGW.0307': 'The token must be updated',
  'APIGW.0308': 'The throttling threshold has been reached',
  'APIGW.0601': 'Internal server error',
  'APIGW.0201': 'Backend unavailable',
} as const;

export function gatewayError(status: number, errorCode: string, errorMsg: string): SimulatorHttpError {
  return new SimulatorHttpError(status, (requestId) => gatewayBody(errorCode, errorMsg, requestId));
}

export function gatewayBody(errorCode: string, errorMsg: string, requestId: string): object {
  return { error_code: errorCode, error_msg: errorMsg, request_id: requestId };
}

export function throttledMessage(perMinute: number): string {
  return `${GATEWAY_MESSAGES['APIGW.0308']}: policy user over ratelimit,limit:${perMinute},time:1 minute`;
}

/** `{error_code, error_msg}` as HSS and Workspace send it. */
export function serviceError(status: number, errorCode: string, errorMsg: string): SimulatorHttpError {
  return new SimulatorHttpError(status, () => ({ error_code: errorCode, error_msg: errorMsg }));
}

export function hssBadParameter(message: string): SimulatorHttpError {
  return serviceError(400, 'HSS.0001', `Invalid parameter: ${message}`);
}

export function hssNotFound(message: string): SimulatorHttpError {
  return serviceError(400, 'HSS.0011', `The requested resource does not exist: ${message}`);
}

export function hssUnparseable(message: string): SimulatorHttpError {
  return serviceError(400, 'HSS.0002', `Failed to parse the request: ${message}`);
}

export function workspaceBadParameter(message: string): SimulatorHttpError {
  return serviceError(400, 'WKS.0001', `Invalid request parameter: ${message}`);
}

/** SWR sends the old (`errors[]`) and new (`error_code`) formats together. */
export function swrBody(errorCode: string, errorMsg: string): SwrErrorBody {
  return {
    errors: [{ errorCode, errorMessage: errorMsg, detail: '' }],
    error_code: errorCode,
    error_msg: errorMsg,
    details: [{ error_code: errorCode, error_msg: errorMsg }],
  };
}

export function swrBadParameter(message: string): SimulatorHttpError {
  return new SimulatorHttpError(400, () => swrBody('SVCSTG.SWR.4000014', `Invalid parameter: ${message}`));
}

/** IAM: parse-friendly `{error_code, error_msg}` plus Keystone's `{error:{code,message,title}}`. */
export function iamError(
  status: number,
  errorCode: string,
  message: string,
  title: string,
): SimulatorHttpError {
  return new SimulatorHttpError(status, () => ({
    error_code: errorCode,
    error_msg: message,
    error: { code: status, message, title },
  }));
}

/** The code a `status` fault answers with when none is given. */
export function defaultFaultCode(service: Service, status: number): string {
  if (status === 400) {
    return { iam: 'IAM.0007', hss: 'HSS.0001', swr: 'SVCSTG.SWR.4000014', workspace: 'WKS.0001' }[service];
  }
  if (status === 401) return 'APIGW.0301';
  if (status === 403) return service === 'hss' ? 'HSS.0010' : 'APIGW.0306';
  if (status === 404) return 'APIGW.0101';
  if (status === 429) return 'APIGW.0308';
  if (status === 502 || status === 504) return 'APIGW.0201';
  if (status === 503) return service === 'iam' ? 'APIGW.0613' : 'APIGW.0201';
  if (status >= 500) return service === 'hss' ? 'HSS.0041' : 'APIGW.0601';
  return `SIM.${status}`;
}

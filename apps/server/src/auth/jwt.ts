import { SignJWT, errors, jwtVerify } from 'jose';
import { UnauthorizedError, newUuid, type Clock } from '@creatorflow/core';

const ISSUER = 'creatorflow';
const AUDIENCE = 'creatorflow-api';

export interface AccessClaims {
  /** User id. */
  sub: string;
  /** Session (refresh-token family) id: revoking the family ends the session. */
  sid: string;
  jti: string;
  exp: number;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** A short-lived HS256 access token; time comes from the clock so tests can move it. */
export async function signAccessToken(
  secret: string,
  clock: Clock,
  input: { userId: string; sessionId: string; ttlSeconds: number },
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(clock.nowMs() / 1000);
  const exp = iat + input.ttlSeconds;
  const token = await new SignJWT({ sid: input.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(newUuid())
    .sign(keyOf(secret));
  return { token, expiresAt: new Date(exp * 1000) };
}

/** Verifies signature, issuer, audience and expiry; any failure is a 401 with a code saying which. */
export async function verifyAccessToken(secret: string, clock: Clock, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: clock.now(),
      requiredClaims: ['sub', 'exp', 'jti', 'sid'],
    });
    if (typeof payload.sid !== 'string') throw new errors.JWTClaimValidationFailed('sid missing', payload, 'sid');
    return { sub: payload.sub!, sid: payload.sid, jti: payload.jti!, exp: payload.exp! };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw new UnauthorizedError('ACCESS_TOKEN_EXPIRED', 'The access token has expired: get a new one from POST /api/auth/refresh.');
    }
    throw new UnauthorizedError('ACCESS_TOKEN_INVALID', 'The access token is not valid: sign in again.');
  }
}

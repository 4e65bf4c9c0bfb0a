/**
 * Certificate renewal on the node. The renewer renews at a uniformly random moment between 50%
 * and 80% of the current certificate's life (so a cluster's renewals spread out), at once when the
 * role changes or the CA asks for a rotation, and retries failures with capped exponential backoff.
 * A renewed certificate must keep the node ID and cluster (and carry the desired role), or it is
 * refused and the old one stays in use. Time comes from the injected clock.
 */
import { type Clock, type Logger, noopLogger, type Random, type Timer } from '@swarm/api';
import { type Certificate, parseCertificates, subjectValue } from './certificate.js';
import { RenewalError } from './errors.js';
import type { NodeRole } from './issue.js';
import { OID } from './oids.js';

/** A node's TLS identity: its key and its chain (leaf first). */
export interface NodeCredentials {
  readonly keyPem: string;
  readonly chainPem: string;
}

/** Why a renewal happens. */
export type RenewReason = 'schedule' | 'role-change' | 'rotate' | 'retry';

/** What the renew callback is asked for. */
export interface RenewRequest {
  readonly role: NodeRole;
  readonly reason: RenewReason;
}

/** Backoff of a CertificateRenewer after a failed renewal. */
export interface RenewerRetryOptions {
  /** First retry delay in ms. Default 1,000. */
  initialMs?: number;
  /** Longest retry delay in ms. Default 300,000 (5 minutes). */
  maxMs?: number;
  /** Growth factor per failure. Default 2. */
  factor?: number;
}

/** What a CertificateRenewer is built from: the seams, the current credentials and the renew callback. */
export interface CertificateRenewerInit {
  clock: Clock;
  /** Picks the renewal moment and the retry jitter (seeded in tests). */
  random: Random;
  logger?: Logger;
  /** The node's credentials now. */
  current: NodeCredentials;
  /** Makes a new key and CSR and asks the CA to issue (the node's RPC). */
  renew(request: RenewRequest): Promise<NodeCredentials>;
  retry?: RenewerRetryOptions;
}

type Listener = (credentials: NodeCredentials, certificate: Certificate) => void;

/** The renewal moment for a certificate: uniform in [50%, 80%] of its validity. */
export function renewalMoment(cert: Pick<Certificate, 'notBefore' | 'notAfter'>, random: Random): number {
  const life = cert.notAfter - cert.notBefore;
  return cert.notBefore + Math.floor(life * (0.5 + 0.3 * random.float()));
}

/** Renews a node's certificate at a random moment between 50% and 80% of its life (or at once on request), with backoff on failure, and tells listeners. */
export class CertificateRenewer {
  readonly #init: CertificateRenewerInit;
  readonly #log: Logger;
  readonly #listeners = new Set<Listener>();
  #credentials: NodeCredentials;
  #certificate: Certificate;
  #role: NodeRole;
  #timer: Timer | undefined;
  #running = false;
  #inFlight = false;
  #again: RenewReason | undefined;
  /** An immediate renewal queued for the next microtask (see #runSoon). */
  #soon: { reason: RenewReason } | undefined;
  #failures = 0;
  #nextAt: number | undefined;

  constructor(init: CertificateRenewerInit) {
    this.#init = init;
    this.#log = (init.logger ?? noopLogger).child({ component: 'ca-renewer' });
    this.#credentials = init.current;
    this.#certificate = leafOf(init.current.chainPem);
    const role = subjectValue(this.#certificate, OID.organizationalUnitName);
    if (role !== 'swarm-manager' && role !== 'swarm-worker')
      throw new TypeError(`current certificate has OU ${JSON.stringify(role)}, not a node role`);
    this.#role = role;
  }

  get credentials(): NodeCredentials {
    return this.#credentials;
  }

  get certificate(): Certificate {
    return this.#certificate;
  }

  get role(): NodeRole {
    return this.#role;
  }

  /** When the next attempt is due (ms since the epoch), or undefined while one runs or stopped. */
  get nextRenewalAt(): number | undefined {
    return this.#nextAt;
  }

  /** True while a renewal request is outstanding (or asked for and about to start). */
  get inFlight(): boolean {
    return this.#inFlight || this.#soon !== undefined;
  }

  /** Calls `listener` after each successful renewal; returns an unsubscribe function. */
  onRenewed(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Schedules the next renewal. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule(renewalMoment(this.#certificate, this.#init.random), 'schedule');
  }

  /** Cancels the scheduled renewal and retries. */
  stop(): void {
    this.#running = false;
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#soon = undefined;
    this.#nextAt = undefined;
  }

  /** Renews at once (the CA asked for a rotation, or the operator did). */
  renewNow(reason: RenewReason = 'rotate'): void {
    if (!this.#running)
      throw new RenewalError('RENEWAL_STOPPED', 'the renewer is stopped; call start() first');
    if (this.#inFlight) {
      this.#again = reason;
      return;
    }
    this.#runSoon(reason);
  }

  /** The node's role changed (promotion or demotion): renew at once for a certificate with the new OU. */
  setRole(role: NodeRole): void {
    if (role === this.#role) return;
    this.#role = role;
    if (this.#running) this.renewNow('role-change');
  }

  /**
   * Starts a renewal on the next microtask rather than on a zero-delay clock timer. A host clock
   * may not let its timers hold the process open (`systemClock` unrefs them, so that a renewal
   * weeks ahead does not keep a finished program alive); a renewal asked for now must not wait on
   * one, or a program that awaits it could exit first. A microtask also keeps `renewNow` from
   * calling `renew` inside its caller's stack.
   */
  #runSoon(reason: RenewReason): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#nextAt = this.#init.clock.now();
    if (this.#soon !== undefined) {
      this.#soon.reason = reason;
      return;
    }
    const soon = { reason };
    this.#soon = soon;
    void Promise.resolve().then(() => {
      if (this.#soon !== soon || !this.#running) return;
      this.#soon = undefined;
      void this.#attempt(soon.reason);
    });
  }

  #schedule(at: number, reason: RenewReason): void {
    this.#soon = undefined;
    this.#timer?.cancel();
    const delay = Math.max(0, at - this.#init.clock.now());
    this.#nextAt = this.#init.clock.now() + delay;
    this.#timer = this.#init.clock.setTimeout(() => {
      this.#timer = undefined;
      void this.#attempt(reason);
    }, delay);
  }

  async #attempt(reason: RenewReason): Promise<void> {
    this.#nextAt = undefined;
    this.#inFlight = true;
    const role = this.#role;
    let next: NodeCredentials | undefined;
    let cert: Certificate | undefined;
    try {
      next = await this.#init.renew({ role, reason });
      cert = leafOf(next.chainPem);
      this.#checkIdentity(cert, role);
    } catch (err) {
      next = undefined;
      this.#failures++;
      this.#log.warn('certificate renewal failed; retrying', {
        reason,
        failures: this.#failures,
        error: String(err),
      });
    } finally {
      this.#inFlight = false;
    }
    if (!this.#running) return;
    if (next === undefined || cert === undefined) {
      this.#schedule(this.#init.clock.now() + this.#backoff(), 'retry');
      return;
    }
    this.#failures = 0;
    this.#credentials = next;
    this.#certificate = cert;
    this.#log.info('certificate renewed', { reason, notAfter: cert.notAfter });
    // Reschedule first: a throwing listener must not stop renewals.
    const again = this.#again ?? (this.#role !== role ? 'role-change' : undefined);
    this.#again = undefined;
    if (again !== undefined) this.#runSoon(again);
    else this.#schedule(renewalMoment(cert, this.#init.random), 'schedule');
    for (const l of this.#listeners) {
      try {
        l(next, cert);
      } catch (err) {
        this.#log.error('a renewal listener threw', { error: String(err) });
      }
    }
  }

  #checkIdentity(cert: Certificate, role: NodeRole): void {
    const old = this.#certificate;
    const same = (oid: string) => subjectValue(cert, oid) === subjectValue(old, oid);
    if (
      !same(OID.commonName) ||
      !same(OID.organizationName) ||
      subjectValue(cert, OID.organizationalUnitName) !== role
    )
      throw new RenewalError(
        'RENEWAL_IDENTITY_CHANGED',
        'the renewed certificate names another node, cluster or role; keeping the current certificate',
      );
    if (cert.notAfter <= this.#init.clock.now())
      throw new RenewalError('RENEWAL_CERTIFICATE_EXPIRED', 'the renewed certificate has already expired');
    if (cert.notBefore > this.#init.clock.now())
      throw new RenewalError(
        'RENEWAL_CERTIFICATE_NOT_YET_VALID',
        'the renewed certificate is not valid yet: the CA clock is more than an hour ahead; keeping the current one',
      );
  }

  #backoff(): number {
    const r = this.#init.retry ?? {};
    const initial = r.initialMs ?? 1000;
    const max = r.maxMs ?? 300_000;
    const factor = r.factor ?? 2;
    const d = Math.min(max, initial * factor ** Math.min(this.#failures - 1, 60));
    // "equal jitter": half fixed, half random, so retries from many nodes spread out.
    return Math.floor(d / 2 + (this.#init.random.float() * d) / 2);
  }
}

function leafOf(chainPem: string): Certificate {
  const [leaf] = parseCertificates(chainPem);
  if (leaf === undefined) throw new TypeError('chainPem holds no certificate');
  return leaf;
}

/** A dependency a service needs before it can do work (the broker, the database). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
